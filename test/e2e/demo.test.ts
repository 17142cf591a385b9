import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig } from '../../src/proxy/config.js';
import { createProxy, type BookingProxy } from '../../src/proxy/handler.js';
import { startNodeServer, type RunningServer } from '../../src/proxy/node-server.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { CHROMIUM_ARGS } from '../../web-test-runner.config.mjs';

// Drives the built demo page (npm run build) on the same server `npm start` runs: proxy on the sandbox + static files.
describe('demo page, end to end in Chromium', () => {
  let server: RunningServer;
  let proxy: BookingProxy;
  let browser: Browser;

  /** The demo server as `npm start` runs it, on `port` (0: any free one). */
  async function start(port = 0) {
    proxy = createProxy({
      upstream: 'sandbox',
      config: parseConfig(demoConfig),
      basePath: '/booking-api',
      log: () => {},
    });
    server = await startNodeServer({ proxy, port, basePath: '/booking-api', staticDir: 'dist/demo' });
  }

  before(async () => {
    assert.ok(existsSync('dist/demo/index.html'), 'build the demo first: npm run build');
    await start();
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    await proxy?.close();
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

  it("books a time; the other visitor's calendar loses it live, without interaction, and the summary says so", async () => {
    // Two visitors, each in a browser context of their own, on the same week.
    const contexts = await Promise.all(
      [1, 2].map(() => browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' })),
    );
    const [first, second] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
    const errors: string[] = [];
    for (const page of [first, second]) page.on('pageerror', (error) => errors.push(error.message));
    const label = await pickAnnasFirstTimeNextWeek(first);
    assert.equal(await pickAnnasFirstTimeNextWeek(second), label, 'both visitors see the same free time');
    await fillIn(second, 'Grace Hopper');

    await fillIn(first, 'Ada Lovelace');
    await first.getByRole('button', { name: 'Confirm booking' }).click();
    const confirmation = first.locator('booking-summary [part="confirmation"]');
    await confirmation.waitFor();
    const confirmed = await confirmation.innerText();
    assert.match(confirmed, /Booking confirmed/);
    assert.match(confirmed, /Anna Berg/);
    assert.match(confirmed, /sbx_/);

    // The second visitor does nothing: the time goes from their calendar, and their summary tells them.
    await second.getByRole('button', { name: label, exact: true }).waitFor({ state: 'detached', timeout: 5_000 });
    const notice = second.locator('booking-summary [part="error"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), /just taken/);
    assert.equal(await second.getByRole('button', { name: 'Confirm booking' }).isDisabled(), true);
    assert.equal(await second.getByLabel('Name', { exact: true }).inputValue(), 'Grace Hopper');
    assert.equal(await second.getByLabel('Notes (optional)').inputValue(), 'Booked by Grace Hopper');
    assert.equal(await second.locator('availability-loader [part="skeleton"]').count(), 0);
    assert.match(await second.locator('availability-loader [role="status"]').innerText(), /Times updated/);
    assert.deepEqual(errors, []);
    await Promise.all(contexts.map((c) => c.close()));
  });

  it('without a stream (blocked), a second booking of a taken time is told it was just taken and keeps the form', async () => {
    const contexts = await Promise.all(
      [1, 2].map(() => browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' })),
    );
    const [first, second] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
    // As behind a proxy that cannot hold streams: the second page never hears of the first booking.
    await second.route('**/booking-api/events*', (route) => route.abort());
    const label = await pickAnnasFirstTimeNextWeek(first);
    assert.equal(await pickAnnasFirstTimeNextWeek(second), label);
    await fillIn(first, 'Ada Lovelace');
    await first.getByRole('button', { name: 'Confirm booking' }).click();
    await first.locator('booking-summary [part="confirmation"]').waitFor();

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
    await Promise.all(contexts.map((c) => c.close()));
  });

  /** A visitor with the haircut week shown; its times. */
  async function haircutWeek() {
    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    await page.goto(server.url);
    await page.getByRole('radio', { name: /Haircut/ }).check();
    const slots = page.getByRole('button', { name: SLOT });
    await slots.first().waitFor();
    return { page, slots };
  }

  it('the demo\'s "book a time from elsewhere" makes the first time vanish from an open calendar', async () => {
    const { page, slots } = await haircutWeek();
    const firstLabel = (await slots.first().getAttribute('aria-label'))!;
    await page.getByRole('button', { name: 'Book a time from elsewhere' }).click();
    await page.getByRole('button', { name: firstLabel, exact: true }).waitFor({ state: 'detached', timeout: 5_000 });
    assert.match(await page.locator('#elsewhere-status').innerText(), /Booked .* elsewhere/);
    await page.close();
  });

  it('reconnects by itself after the proxy restarts, reloads what it may have missed, and follows changes again', async () => {
    const { page, slots } = await haircutWeek();
    const port = Number(new URL(server.url).port);
    await proxy.close(); // ends its streams
    await server.close();
    const reloaded = page.waitForResponse((r) => r.url().includes('/booking-api/slots'), { timeout: 15_000 });
    await start(port);
    // The page's stream comes back with its last id; the new process does not know it and says reset.
    await reloaded;
    const firstLabel = (await slots.first().getAttribute('aria-label'))!;
    await page.getByRole('button', { name: 'Book a time from elsewhere' }).click();
    await page.getByRole('button', { name: firstLabel, exact: true }).waitFor({ state: 'detached', timeout: 5_000 });
    await page.close();
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
