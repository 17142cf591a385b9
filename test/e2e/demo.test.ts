import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig } from '../../src/proxy/config.js';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer, type RunningServer } from '../../src/proxy/node-server.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { CHROMIUM_ARGS } from '../../web-test-runner.config.mjs';

// Drives the built demo page (npm run build) on the same server `npm start` runs: proxy on the sandbox + static files.
describe('demo page, end to end in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    assert.ok(existsSync('dist/demo/index.html'), 'build the demo first: npm run build');
    const proxy = createProxy({ upstream: 'sandbox', config: parseConfig(demoConfig), basePath: '/booking-api' });
    server = await startNodeServer({ proxy, port: 0, basePath: '/booking-api', staticDir: 'dist/demo' });
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Chooses a staff member, waits for their week, then moves to the next week and waits until it is shown. */
  async function showNextWeekOf(page: Page, name: string, id: string) {
    const week = page.waitForResponse((r) => r.url().includes(`staff=${id}`) && r.status() === 200);
    await page.getByRole('radio', { name: new RegExp(name) }).check();
    const shownStart = new URL((await week).url()).searchParams.get('start');
    const nextWeek = page.waitForResponse(
      (r) => r.url().includes(`staff=${id}`) && !r.url().includes(`start=${shownStart}`),
    );
    await page.getByRole('button', { name: 'Next week' }).click();
    await nextWeek;
    await page.locator('availability-loader .body[aria-busy="false"]').waitFor();
  }

  it('goes from a service choice to live slots in the week calendar', async () => {
    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const slotRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/booking-api/slots')) slotRequests.push(request.url());
    });
    await page.goto(server.url);

    await page.getByRole('radio', { name: /Haircut/ }).check();
    // Ben works Tuesday to Saturday, 12:00-20:00 Berlin time; the calendar shows some week with his times.
    const slots = page.getByRole('button', { name: /, \d{2}:\d{2}, 30 minutes(, with .+)?$/ });
    await slots.first().waitFor({ timeout: 10_000 });
    assert.ok((await slots.count()) > 0);
    assert.equal(slotRequests.length, 1);
    assert.match(slotRequests[0]!, /service=haircut&start=\d{4}-\d{2}-\d{2}&end=\d{4}-\d{2}-\d{2}&timeZone=UTC/);

    await showNextWeekOf(page, 'Ben Okafor', 'ben');
    const benTimes = await page.getByRole('button', { name: /, \d{2}:\d{2}, 30 minutes(, with .+)?$/ }).allInnerTexts();
    assert.ok(benTimes.length > 0, 'Ben has times next week');
    assert.ok(
      benTimes.every((t) => t.trim() >= '12:00' && t.trim() <= '19:30'),
      benTimes.join(),
    );

    const first = page.getByRole('button', { name: /, \d{2}:\d{2}, 30 minutes(, with .+)?$/ }).first();
    await first.click();
    assert.equal(await first.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(errors, []);
    await page.close();
  });

  const SLOT = /, \d{2}:\d{2}, 30 minutes(, with .+)?$/;

  /** A visitor who chose Berlin, haircut, Anna, moved to next week and picked its first time; returns its label. */
  async function pickAnnasFirstTimeNextWeek(page: Page): Promise<string> {
    await page.goto(server.url);
    await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
    await page.getByRole('radio', { name: /Haircut/ }).check();
    await showNextWeekOf(page, 'Anna Berg', 'anna');
    const slot = page.getByRole('button', { name: SLOT }).first();
    const label = (await slot.getAttribute('aria-label'))!;
    await slot.click();
    return label;
  }

  async function fillIn(page: Page, name: string) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Email', { exact: true }).fill(`${name.split(' ')[0]!.toLowerCase()}@example.com`);
    await page.getByLabel('Notes (optional)').fill(`Booked by ${name}`);
  }

  it('books a time from branch to confirmation; a second booking of that time is told it was just taken', async () => {
    // Two visitors, each in a browser context of their own.
    const contexts = await Promise.all(
      [1, 2].map(() => browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' })),
    );
    const [first, second] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
    const errors: string[] = [];
    for (const page of [first, second]) page.on('pageerror', (error) => errors.push(error.message));
    const label = await pickAnnasFirstTimeNextWeek(first);
    assert.equal(await pickAnnasFirstTimeNextWeek(second), label, 'both visitors see the same free time');

    await fillIn(first, 'Ada Lovelace');
    await first.getByRole('button', { name: 'Confirm booking' }).click();
    const confirmation = first.locator('booking-summary [part="confirmation"]');
    await confirmation.waitFor();
    const confirmed = await confirmation.innerText();
    assert.match(confirmed, /Booking confirmed/);
    assert.match(confirmed, /Anna Berg/);
    assert.match(confirmed, /sbx_/);

    await fillIn(second, 'Grace Hopper');
    const slotsReloaded = second.waitForResponse(
      (r) => r.url().includes('/booking-api/slots') && r.url().includes('staff=anna'),
    );
    await second.getByRole('button', { name: 'Confirm booking' }).click();
    const error = second.locator('booking-summary [part="error"]');
    await error.waitFor();
    assert.match(await error.innerText(), /just taken/);
    assert.equal(await second.getByLabel('Name', { exact: true }).inputValue(), 'Grace Hopper');
    assert.equal(await second.getByLabel('Email', { exact: true }).inputValue(), 'grace@example.com');
    assert.equal(await second.getByLabel('Notes (optional)').inputValue(), 'Booked by Grace Hopper');
    await slotsReloaded;
    await second.locator('availability-loader .body[aria-busy="false"]').waitFor();
    assert.equal(
      await second.getByRole('button', { name: label, exact: true }).count(),
      0,
      'the taken time is gone from the reloaded week',
    );
    assert.deepEqual(errors, []);
    await Promise.all(contexts.map((c) => c.close()));
  });

  it('serves the dark and brand demo pages, and logs every event as it fires', async () => {
    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'en-GB', colorScheme: 'light' });
    await page.goto(`${server.url}/dark.html`);
    const flow = page.locator('booking-flow');
    assert.equal(await flow.evaluate((el) => getComputedStyle(el).colorScheme), 'dark');
    await page.getByRole('radio', { name: /Haircut/ }).check();
    const log = page.locator('#event-log li strong');
    await page.locator('#event-log li', { hasText: 'availability-loaded' }).waitFor();
    assert.deepEqual((await log.allInnerTexts()).reverse().slice(0, 2), ['service-selected', 'availability-loaded']);

    await page.goto(`${server.url}/brand.html`);
    // The brand colour reaches the chosen option through the public tokens alone.
    await page.getByRole('radio', { name: /Haircut/ }).check();
    const border = await page.locator('service-selector').evaluate((el) => {
      const chosen = el.shadowRoot!.querySelector('[part~="selected"]')!;
      return getComputedStyle(chosen).borderColor;
    });
    assert.equal(border, 'rgb(138, 59, 18)');
    await page.close();
  });
});
