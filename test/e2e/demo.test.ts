import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
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
    const proxy = createProxy({ config: parseConfig(demoConfig), basePath: '/booking-api' });
    server = await startNodeServer({ proxy, port: 0, basePath: '/booking-api', staticDir: 'dist/demo' });
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

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
    const slots = page.getByRole('button', { name: /, \d{2}:\d{2}, 30 minutes$/ });
    await slots.first().waitFor({ timeout: 10_000 });
    assert.ok((await slots.count()) > 0);
    assert.equal(slotRequests.length, 1);
    assert.match(slotRequests[0]!, /service=haircut&start=\d{4}-\d{2}-\d{2}&end=\d{4}-\d{2}-\d{2}&timeZone=Europe%2FBerlin/);

    const benWeek = page.waitForResponse((r) => r.url().includes('staff=ben') && r.status() === 200);
    await page.getByRole('radio', { name: /Ben Okafor/ }).check();
    const shownStart = new URL((await benWeek).url()).searchParams.get('start');
    const nextWeek = page.waitForResponse((r) => r.url().includes('staff=ben') && !r.url().includes(`start=${shownStart}`));
    await page.getByRole('button', { name: 'Next week' }).click();
    await nextWeek;
    await page.locator('availability-loader .body[aria-busy="false"]').waitFor();
    const benTimes = await page.getByRole('button', { name: /, \d{2}:\d{2}, 30 minutes$/ }).allInnerTexts();
    assert.ok(benTimes.length > 0, 'Ben has times next week');
    assert.ok(benTimes.every((t) => t.trim() >= '12:00' && t.trim() <= '19:30'), benTimes.join());

    const first = page.getByRole('button', { name: /, \d{2}:\d{2}, 30 minutes$/ }).first();
    await first.click();
    assert.equal(await first.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
