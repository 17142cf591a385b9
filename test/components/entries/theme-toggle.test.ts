import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/theme-toggle.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { deepAll, until } from '../../helpers/dom.js';

mockProxy();

describe('booking-flow/elements/theme-toggle alone', () => {
  it('registers <theme-toggle> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(html`<theme-toggle></theme-toggle>`);
    expect(customElements.get('theme-toggle')).to.not.equal(undefined);
    await until(() => deepAll(el, 'input[type="radio"]').length === 3, 'three themes');
  });
});
