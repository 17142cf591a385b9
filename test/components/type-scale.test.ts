import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, until } from '../helpers/dom.js';

mockProxy();

// Issue 19: sizes follow from --booking-font-size and --booking-type-scale (README, "Type and space").

const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);

async function flowWith(style: string) {
  const flow = await fixture<BookingFlow>(
    html`<booking-flow proxy-url="/api" locale="en-GB" style=${style}></booking-flow>`,
  );
  await until(() => deepAll(deep(flow, 'service-selector'), 'legend').length > 0, 'the services');
  return flow;
}

describe('type scale', () => {
  it('sizes headings and details from the base size and the scale', async () => {
    const flow = await flowWith('--booking-font-size: 16px');
    const step = deep(flow, 'service-selector');
    expect(size(deep(step, 'legend'))).to.be.closeTo(16 * 1.125, 0.01);
    expect(size(deepAll(step, '.choice-meta')[0]!)).to.be.closeTo(16 / 1.125, 0.01);
  });

  it('follows a site’s own scale and base', async () => {
    const flow = await flowWith('--booking-font-size: 20px; --booking-type-scale: 1.5');
    const step = deep(flow, 'service-selector');
    expect(size(deep(step, 'legend'))).to.be.closeTo(30, 0.01);
    expect(size(deepAll(step, '.choice-meta')[0]!)).to.be.closeTo(20 / 1.5, 0.01);
  });
});
