import { expect } from '@open-wc/testing';
// The steps are defined first and placed in the page; the flow around them is defined only later.
import '../../src/elements/service-selector.js';
import '../../src/elements/availability-loader.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deepAll, until } from '../helpers/dom.js';

const proxy = mockProxy();

describe('definition order does not matter for context', () => {
  it('steps upgraded before their <booking-flow> is defined get its catalog and selection once it is', async () => {
    const page = document.createElement('div');
    page.innerHTML = `
      <booking-flow proxy-url="/api" service="haircut" locale="en-GB" time-zone="Europe/Berlin">
        <service-selector></service-selector>
        <availability-loader></availability-loader>
      </booking-flow>`;
    document.body.append(page);
    try {
      const selector = page.querySelector('service-selector')!;
      expect(customElements.get('booking-flow')).to.equal(undefined);
      await import('../../src/elements/booking-flow.js');
      await until(() => deepAll(selector, 'input[type="radio"]').length > 0, "services from the flow's catalog");
      await until(
        () => proxy.requests.some((url) => url.searchParams.get('service') === 'haircut'),
        "the loader asked for the flow's service",
      );
    } finally {
      page.remove();
    }
  });
});
