import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/staff-selector.js';
import { AvailabilityClient } from '../../../src/api/availability-client.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { deepAll, until } from '../../helpers/dom.js';

mockProxy();
const client = () => new AvailabilityClient({ baseUrl: '/api' });

describe('booking-flow/elements/staff-selector alone', () => {
  it('registers <staff-selector> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(
      html`<staff-selector service="haircut" .client=${client()}></staff-selector>`,
    );
    expect(customElements.get('staff-selector')).to.not.equal(undefined);
    await until(() => deepAll(el, 'input[type="radio"]').length === 2, 'any available and Anna');
  });
});
