import { expect, fixture, html } from '@open-wc/testing';
// Only the flow's own entry: it must bring every step it renders by default, and the loader its calendar.
import '../../src/elements/booking-flow.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { defineOnce } from '../../src/internal/define-once.js';
import { VERSION } from '../../src/version.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, text, until } from '../helpers/dom.js';
import { SPEC_ELEMENTS } from '../build/spec.js';

const proxy = mockProxy();

describe('element entries stand alone', () => {
  it('import "booking-flow/elements/booking-flow" alone gives a working flow, calendar included', async () => {
    for (const tag of SPEC_ELEMENTS.filter((tag) => tag !== 'booking-flow')) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
    const el = await fixture<BookingFlow>(
      html`<booking-flow proxy-url="/api" service="haircut" locale="en-GB" time-zone="Europe/Berlin"></booking-flow>`,
    );
    const step = (tag: string) => deep(el, tag);
    await until(() => deepAll(step('branch-selector'), 'input[type="radio"]').length === 2, 'locations listed');
    await until(() => proxy.requests.length > 0, 'the loader asked for the week of the preselected service');
    expect(deepAll(step('availability-loader'), 'hourly-calendar')).to.have.length(1);
    expect(text(step('availability-loader'))).to.not.include('Choose a service');
  });

  it('stays silent for a second copy of the same version, and warns once, naming both, for another version', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    try {
      defineOnce('booking-flow', class extends HTMLElement {});
      expect(warnings).to.deep.equal([]);
      // Another copy registered first with another version.
      const older = class extends HTMLElement {};
      (older as unknown as Record<symbol, string>)[Symbol.for('booking-flow:version')] = '0.0.9';
      customElements.define('version-probe-a', older);
      customElements.define('version-probe-b', class extends HTMLElement {});
      defineOnce('version-probe-a', class extends HTMLElement {});
      defineOnce('version-probe-a', class extends HTMLElement {});
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include(VERSION).and.to.include('0.0.9');
    } finally {
      console.warn = warn;
    }
  });
});
