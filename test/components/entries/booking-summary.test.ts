import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/booking-summary.js';
import { AvailabilityClient } from '../../../src/api/availability-client.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { text, until } from '../../helpers/dom.js';

mockProxy();
const client = () => new AvailabilityClient({ baseUrl: '/api' });

describe('booking-flow/elements/booking-summary alone', () => {
  it('registers <booking-summary> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(html`<booking-summary .client=${client()}></booking-summary>`);
    expect(customElements.get('booking-summary')).to.not.equal(undefined);
    await until(() => text(el).includes('Choose a time'), 'asks for a time');
  });
});
