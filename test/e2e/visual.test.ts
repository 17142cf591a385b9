import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { DemoServer } from './demo-server.js';

// Visual regression: the demo pages, photographed at a fixed moment (the sandbox's clock and the page's), compared
// with the pictures in docs/screenshots/ (the README shows them). A layout break, such as a day of the week that
// wraps out of sight, changes many pixels; font anti-aliasing changes a few, which the tolerance allows.
// `npm run screenshots` writes the pictures afresh (UPDATE_SCREENSHOTS=1); look at them before committing.

const NOW = Date.parse('2026-11-24T07:30:00Z'); // a Tuesday morning in Berlin: the week has past, full and free days
const OUT = 'docs/screenshots';
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of pixels that may differ (pixelmatch's per-pixel threshold 0.1 already ignores anti-aliasing). */
const TOLERANCE = 0.002;

const SHOTS = [
  ...[320, 768, 1024, 1280].map((width) => ({ page: 'index', width })),
  { page: 'dark', width: 1280 },
  { page: 'brand', width: 1280 },
] as const;

/** Chooses Berlin, a haircut with Anna and the first free time: the calendar and the form are on the picture. */
async function showWeek(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
  await page.getByRole('radio', { name: /Haircut/ }).check();
  await page.getByRole('radio', { name: /Anna Berg/ }).check();
  await page.locator('availability-loader .body[aria-busy="false"]').waitFor();
  await page
    .getByRole('button', { name: /, \d{1,2}:\d{2}/ })
    .first()
    .click();
  await page.getByLabel('Name', { exact: true }).waitFor();
}

/** How many pixels of `actual` differ from the PNG at `file`; writes the two and their difference beside it when any. */
function compare(actual: Buffer, file: string): { ratio: number; diffFile: string } {
  const want = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(actual);
  const diffFile = join(tmpdir(), `visual-${file.replace(/\W/g, '-')}`);
  if (want.width !== got.width || want.height !== got.height) {
    writeFileSync(`${diffFile}-actual.png`, actual);
    return {
      ratio: 1,
      diffFile: `${diffFile}-actual.png (${got.width}x${got.height}, not ${want.width}x${want.height})`,
    };
  }
  const diff = new PNG({ width: want.width, height: want.height });
  const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 });
  if (differing) {
    writeFileSync(`${diffFile}-actual.png`, actual);
    writeFileSync(`${diffFile}-diff.png`, PNG.sync.write(diff));
  }
  return { ratio: differing / (want.width * want.height), diffFile: `${diffFile}-diff.png` };
}

describe('the demo pages look as in docs/screenshots/', () => {
  const demo = new DemoServer();
  before(() => demo.start(0, () => NOW));
  after(() => demo.close());

  for (const shot of SHOTS)
    it(`${shot.page}.html at ${shot.width} px`, async () => {
      const context = await demo.browser.newContext({
        viewport: { width: shot.width, height: 900 },
        timezoneId: 'Europe/Berlin',
        locale: 'en-GB',
        colorScheme: 'light',
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(NOW);
      await page.goto(`${demo.url}/${shot.page}.html`);
      await showWeek(page);
      const picture = await page.locator('booking-flow').screenshot({ animations: 'disabled', caret: 'hide' });
      await context.close();
      const file = `${OUT}/${shot.page}-${shot.width}.png`;
      if (UPDATE) {
        mkdirSync(OUT, { recursive: true });
        writeFileSync(file, picture);
        console.log(`wrote ${file}`);
        return;
      }
      assert.ok(existsSync(file), `${file} is missing: npm run screenshots`);
      const { ratio, diffFile } = compare(picture, file);
      assert.ok(ratio <= TOLERANCE, `${file}: ${(ratio * 100).toFixed(2)} % of pixels differ; see ${diffFile}`);
    });
});
