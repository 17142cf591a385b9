import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { parseConfig } from '../../src/proxy/config.js';
import { createProxy, type BookingProxy } from '../../src/proxy/handler.js';
import { startNodeServer, type RunningServer } from '../../src/proxy/node-server.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { CHROMIUM_ARGS } from '../../scripts/wtr/browsers.mjs';

/** Debian's Chromium (or CHROME_PATH), headless with the flags every browser test here uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * With `E2E_SANDBOX_NOW` (an instant), the sandbox's clock runs on from that moment while the pages keep the real
 * one: the suite can be tried at a time when the current week has no free times left (a Friday evening, a Sunday).
 */
function sandboxClock(): (() => number) | undefined {
  const at = process.env.E2E_SANDBOX_NOW;
  if (!at) return undefined;
  const offset = Date.parse(at) - Date.now();
  assert.ok(!Number.isNaN(offset), `E2E_SANDBOX_NOW is not an instant: ${at}`);
  return () => Date.now() + offset;
}

/** The built demo (npm run build) on the server `npm start` runs: the proxy on the sandbox, and the static files. */
export class DemoServer {
  proxy!: BookingProxy;
  server!: RunningServer;
  browser!: Browser;

  get url(): string {
    return this.server.url;
  }

  /**
   * Starts the server on `port` (0: any free one) and, the first time, Chromium (unless `chromium` is false: the
   * tests of other engines bring their own); `now` is the sandbox's clock.
   */
  async start(port = 0, now?: () => number, { chromium = true } = {}): Promise<void> {
    assert.ok(existsSync('dist/demo/index.html'), 'build the demo first: npm run build');
    this.proxy = createProxy({
      upstream: 'sandbox',
      config: parseConfig(demoConfig),
      basePath: '/booking-api',
      log: () => {},
      now: now ?? sandboxClock(),
    });
    this.server = await startNodeServer({ proxy: this.proxy, port, basePath: '/booking-api', staticDir: 'dist/demo' });
    if (chromium) this.browser ??= await launchChromium();
  }

  /** Stops the server (not the browser): its streams end. */
  async stopServer(): Promise<void> {
    await this.proxy?.close();
    await this.server?.close();
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.stopServer();
  }

  /** A page of its own (a new browser context), in Berlin and British English. */
  async page(): Promise<Page> {
    const context = await this.browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    return context.newPage();
  }
}

/** The accessible name of a time in the calendar, e.g. "Tuesday 21 October, 09:00, 30 minutes". */
export const SLOT = /, \d{2}:\d{2}, 30 minutes(, with .+)?$/;

/**
 * Chooses a staff member, waits for their week, then moves to the next week and waits until it is shown (from the
 * proxy, or at once when the page fetched it early).
 */
export async function showNextWeekOf(page: Page, name: string, id: string) {
  const week = page.waitForResponse((r) => r.url().includes(`staff=${id}`) && r.status() === 200);
  await page.getByRole('radio', { name: new RegExp(name) }).check();
  await week;
  const loader = page.locator('availability-loader');
  await loader.locator('.body[aria-busy="false"]').waitFor();
  await nextWeek(loader);
}

/** Moves a settled `loader` on a week (its button named `label`) and waits until the new week is shown. */
export async function nextWeek(loader: Locator, label: string | RegExp = 'Next week'): Promise<void> {
  const shown = await loader.locator('.week-label').innerText();
  await loader.getByRole('button', { name: label }).click();
  await loader.locator('.week-label').filter({ hasNotText: shown }).waitFor();
  await loader.locator('.body[aria-busy="false"]').waitFor();
}

/**
 * Waits until `loader`'s week is settled, and moves on to the next week (its button named `label`) when this one has
 * no times left: the sandbox runs on the real clock, so an evening, a weekend, or times other pages hold empty it.
 */
export async function weekWithTimes(loader: Locator, label: string | RegExp = 'Next week'): Promise<void> {
  await loader.locator('.body:not(.unsized)[aria-busy="false"]').waitFor(); // a service's week, loaded
  if (await loader.locator('button.slot').count()) return;
  await nextWeek(loader, label);
  await loader.locator('button.slot').first().waitFor();
}

/** A visitor on Berlin, haircut, Anna, next week: the demo page with that week shown. */
export async function annasNextWeek(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
  await page.getByRole('radio', { name: /Haircut/ }).check();
  await showNextWeekOf(page, 'Anna Berg', 'anna');
}

/** Picks the `index`th time shown; returns its accessible name. */
export async function pick(page: Page, index = 0): Promise<string> {
  const slot = page.getByRole('button', { name: SLOT }).nth(index);
  const label = (await slot.getAttribute('aria-label'))!;
  await slot.click();
  return label;
}

export async function fillIn(page: Page, name: string) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email', { exact: true }).fill(`${name.split(' ')[0]!.toLowerCase()}@example.com`);
  await page.getByLabel('Notes (optional)').fill(`Booked by ${name}`);
}

/** What the tests answer to the consultation's questions (beside name and email), as Cal.com receives them. */
export const CONSULTATION_ANSWERS = {
  topic: 'A shorter cut',
  'hair-length': 'long',
  interests: ['care'],
  'first-visit': 'no',
  consent: true,
};
