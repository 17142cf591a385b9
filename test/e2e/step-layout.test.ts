import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DemoServer } from './demo-server.js';

// The step-by-step layout's header and footer are the chunk's own elements, placed around the steps that the flow
// renders into its wrapper. In the built (minified) templates nothing of Lit's follows the steps there, so steps
// shown after the footer was placed went below it: the Next button above the step, or an empty footer's gap
// between the header and the step (seen in the phone demo's screenshots, one run in two).
describe('the phone demo, step by step', () => {
  const demo = new DemoServer();
  before(() => demo.start());
  after(() => demo.close());

  it('keeps the header above the steps and the footer below them when the answers come after the layout', async () => {
    const page = await demo.page();
    // The catalog comes late: the layout's chunk is in and placed before the flow shows its steps.
    const layoutLoaded = page.waitForResponse((r) => /step-layout[^/]*\.js$/.test(r.url()));
    await page.route('**/booking-api/catalog', async (route) => {
      await layoutLoaded;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await route.continue();
    });
    await page.goto(`${demo.url}/phone.html`);
    await page.getByRole('radio', { name: /Berlin Mitte/ }).waitFor();
    const order = () =>
      page
        .locator('booking-flow')
        .evaluate((flow) =>
          [...flow.shadowRoot!.querySelector('.steps')!.children].map((el) => el.className || el.localName),
        );
    const first = await order();
    assert.equal(first[0], 'step-header', first.join());
    assert.equal(first.at(-1), 'step-footer', first.join());
    assert.ok(first.includes('booking-summary'), first.join());

    // The footer's Next shows below the step it moves on from.
    await page.getByRole('radio', { name: /Berlin Mitte/ }).focus();
    await page.keyboard.press('ArrowRight');
    const next = page.getByRole('button', { name: 'Next' });
    const location = page.locator('branch-selector');
    assert.ok((await next.boundingBox())!.y > (await location.boundingBox())!.y + 40, 'Next is below the step');
    assert.equal((await order()).at(-1), 'step-footer');
    await page.context().close();
  });
});
