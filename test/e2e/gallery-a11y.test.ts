import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DemoServer } from './demo-server.js';
import { GALLERY_NOW, SCHEMES, STATES, type StateName } from './gallery.js';

// Every gallery state passes axe in light and dark (issue 19), on the built demo: the flow with a week, a chosen
// time and the form, and the dense catalog's lists searched. The component tests check each element alone; this
// checks them together, themed as the pages theme them.

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's violations inside `selector`, one line each: rule, help and where. */
async function violations(page: Page, selector: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async (frame) => {
    const axe = (globalThis as unknown as { axe: { run: (el: Element) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document.querySelector(frame)!)).violations;
  }, selector);
  return found.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('every gallery state passes axe, in light and dark', () => {
  const demo = new DemoServer();
  // A proxy of its own for each case: together they would spend one visitor's requests a minute.
  beforeEach(() => demo.start(0, () => GALLERY_NOW));
  afterEach(() => demo.stopServer());
  after(() => demo.browser.close());

  for (const name of Object.keys(STATES) as StateName[])
    for (const scheme of SCHEMES)
      it(`${name}, ${scheme}`, async () => {
        const context = await demo.browser.newContext({
          viewport: { width: 1024, height: 900 },
          timezoneId: 'Europe/Berlin',
          locale: 'en-GB',
          colorScheme: scheme,
          // A step that comes in fades in (step by step): contrast is judged at rest.
          reducedMotion: 'reduce',
          // axe is injected as a script, which the demo's Content-Security-Policy (Trusted Types) would refuse.
          bypassCSP: true,
        });
        const page = await context.newPage();
        await page.clock.setFixedTime(GALLERY_NOW);
        const state = STATES[name];
        await page.goto(`${demo.url}/${state.path}`);
        await state.choose(page);
        if (name === 'dense') await page.getByRole('searchbox', { name: 'Search services' }).fill('colour');
        const found = await violations(page, state.frame);
        await context.close();
        assert.deepEqual(found, []);
      });
});
