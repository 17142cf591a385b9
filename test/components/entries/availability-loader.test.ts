import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/availability-loader.js';
import { AvailabilityClient } from '../../../src/api/availability-client.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { deepAll, until } from '../../helpers/dom.js';

mockProxy();
const client = () => new AvailabilityClient({ baseUrl: '/api' });

describe('booking-flow/elements/availability-loader alone', () => {
  it('registers <availability-loader> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(
      html`<availability-loader service="haircut" .client=${client()}></availability-loader>`,
    );
    expect(customElements.get('availability-loader')).to.not.equal(undefined);
    expect(customElements.get('hourly-calendar')).to.not.equal(undefined);
    await until(
      () =>
        deepAll(el, 'hourly-calendar').length === 1 &&
        el.shadowRoot!.querySelector('.body')!.getAttribute('aria-busy') === 'false',
      'a week loaded',
    );
  });
});
