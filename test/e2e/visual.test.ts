import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { DemoServer } from './demo-server.js';
import { GALLERY_NOW as NOW, SCHEMES, STATES, type Scheme, type StateName } from './gallery.js';

// Visual regression: the demo's gallery (./gallery.ts), each state photographed at a fixed moment (the sandbox's
// clock and the page's), compared with the pictures in docs/screenshots/ (the README shows them). A layout break, such as a day of the week that
// wraps out of sight, changes many pixels; font anti-aliasing changes a few, which the tolerance allows.
// `npm run screenshots` writes the pictures afresh (UPDATE_SCREENSHOTS=1); look at them before committing.

const OUT = 'docs/screenshots';
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of pixels that may differ (pixelmatch's per-pixel threshold 0.1 already ignores anti-aliasing). */
const TOLERANCE = 0.002;

const SHOTS = [
  ...(Object.keys(STATES) as StateName[]).flatMap((state) =>
    [320, 768, 1280].flatMap((width) => SCHEMES.map((scheme) => ({ state, width, scheme }))),
  ),
  { state: 'index', width: 1024, scheme: 'light' },
] satisfies { state: StateName; width: number; scheme: Scheme }[];

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

describe('the gallery looks as in docs/screenshots/', () => {
  const demo = new DemoServer();
  // A proxy of its own for each picture: together they would spend one visitor's requests a minute (a right 429).
  beforeEach(() => demo.start(0, () => NOW));
  afterEach(() => demo.stopServer());
  after(() => demo.browser.close());

  for (const { state, width, scheme } of SHOTS)
    it(`${state} at ${width} px, ${scheme}`, async () => {
      const context = await demo.browser.newContext({
        viewport: { width, height: 900 },
        timezoneId: 'Europe/Berlin',
        locale: 'en-GB',
        colorScheme: scheme,
        // At rest: a step that fades in would move what focus scrolls to by a few pixels from run to run.
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(NOW);
      const { path, frame, choose } = STATES[state];
      await page.goto(`${demo.url}/${path}`);
      await choose(page);
      const picture = await page.locator(frame).screenshot({ animations: 'disabled', caret: 'hide' });
      await context.close();
      const file = `${OUT}/${state}-${width}${scheme === 'dark' ? '-dark' : ''}.png`;
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
