import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/booking-flow.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { deepAll, text, until } from '../../helpers/dom.js';

mockProxy();

describe('booking-flow/elements/booking-flow alone', () => {
  it('registers <booking-flow> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(html`<booking-flow proxy-url="/api" locale="en-GB"></booking-flow>`);
    expect(customElements.get('booking-flow')).to.not.equal(undefined);
    await until(
      () => deepAll(el, 'branch-selector').length === 1 && text(el).includes('Berlin Mitte'),
      'the default steps, with the catalog',
    );
  });
});
