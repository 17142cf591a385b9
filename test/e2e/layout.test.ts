import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DemoServer, nextWeek } from './demo-server.js';

// Issue 18: at the demo's 1280 px width the seventh day wrapped onto a row the fixed-height week box hid. Every day
// of the week must be on screen and reachable at common widths, whichever day the week starts on.

const WIDTHS = [320, 768, 1024, 1280] as const;
const STARTS = { monday: 'Mon', sunday: 'Sun' } as const;

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  assert.ok(found, `${String(locator)} is laid out`);
  return found;
}

/** Whether `inner` lies wholly inside `outer` (a pixel of rounding allowed). */
function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

async function showAnnasNextWeek(page: Page, url: string, weekStartsOn: string): Promise<void> {
  await page.goto(url);
  await page
    .locator('booking-flow')
    .evaluate((flow, start) => flow.setAttribute('week-starts-on', start), weekStartsOn);
  await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
  await page.getByRole('radio', { name: /Haircut/ }).check();
  await page.getByRole('radio', { name: /Anna Berg/ }).check();
  // Next week: this one may have no times left (a Friday evening, a weekend), and then no calendar to measure.
  const loader = page.locator('availability-loader');
  await loader.locator('.body:not(.unsized)[aria-busy="false"]').waitFor();
  await nextWeek(loader);
}

describe('the week calendar at every width: seven days on screen, each reachable', () => {
  const demo = new DemoServer();
  // A proxy of its own for each case: choosing seven times makes seven holds, and the cases together would spend
  // one visitor's budget of requests a minute (that 429 is right, and not what this test is about).
  beforeEach(() => demo.start());
  afterEach(() => demo.stopServer());
  after(() => demo.browser.close());

  for (const width of WIDTHS)
    for (const [weekStartsOn, firstDay] of Object.entries(STARTS))
      it(`${width} px, week starting on ${weekStartsOn}`, async () => {
        const page = await demo.page();
        await page.setViewportSize({ width, height: 900 });
        await showAnnasNextWeek(page, demo.url, weekStartsOn);
        // The page's width, at any height: choosing a time opens the form, and the page may scroll to it.
        const view = { x: 0, y: -1e6, width, height: 2e6 };
        const calendar = page.locator('availability-loader .calendar');
        const labels = page.locator('hourly-calendar [part="day-label"]');
        assert.equal(await labels.count(), 7);
        assert.match((await labels.first().textContent())!.trim(), new RegExp(`^${firstDay}\\b`));
        assert.ok(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          'the page does not scroll sideways',
        );

        const strip = page.locator('hourly-calendar [part~="strip-day"]');
        if (await page.locator('hourly-calendar [part="day-strip"]').isVisible()) {
          // A narrow container: seven day buttons in a row; each shows its day's label in the calendar box.
          assert.equal(await strip.count(), 7);
          for (let day = 0; day < 7; day++) {
            assert.ok(inside(await box(strip.nth(day)), view), `day button ${day + 1} on screen`);
            await strip.nth(day).click();
            assert.ok(inside(await box(labels.nth(day)), await box(calendar)), `day ${day + 1} shown`);
          }
        } else {
          // Columns: every day's heading inside the calendar's box, so no day sits below another out of sight.
          for (let day = 0; day < 7; day++)
            assert.ok(
              inside(await box(labels.nth(day)), await box(calendar)),
              `day ${day + 1} (${await labels.nth(day).innerText()}) inside the calendar at ${width} px`,
            );
        }

        // Each day's first time can be chosen with a click where it is.
        const days = page.locator('hourly-calendar [part~="day"]');
        for (let day = 0; day < 7; day++) {
          const first = days.nth(day).locator('[part~="slot"]').first();
          if (!(await first.count())) continue;
          if (await strip.nth(day).isVisible()) await strip.nth(day).click();
          assert.ok(inside(await box(first), view), `day ${day + 1}'s first time within the page's width`);
          await first.click();
          assert.equal(await first.getAttribute('aria-pressed'), 'true');
        }
        await page.context().close();
      });
});
