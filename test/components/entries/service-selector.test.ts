import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/service-selector.js';
import { AvailabilityClient } from '../../../src/api/availability-client.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { deepAll, until } from '../../helpers/dom.js';

mockProxy();
const client = () => new AvailabilityClient({ baseUrl: '/api' });

describe('booking-flow/elements/service-selector alone', () => {
  it('registers <service-selector> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(html`<service-selector .client=${client()}></service-selector>`);
    expect(customElements.get('service-selector')).to.not.equal(undefined);
    await until(() => deepAll(el, 'input[type="radio"]').length === 2, 'services');
  });
});
