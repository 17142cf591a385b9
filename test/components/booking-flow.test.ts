import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, text, until, nextEvent } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';

const proxy = mockProxy();

const radio = (flow: BookingFlow, step: string, value: string) =>
  deep<HTMLInputElement>(flow, step, `input[value="${value}"]`);

describe('<booking-flow> with the service and staff steps', () => {
  frozenDate();

  async function flow(theme = 'light') {
    const el = await fixture<BookingFlow>(
      html`<booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" theme=${theme}></booking-flow>`,
    );
    await until(() => deepAll(deep(el, 'service-selector'), 'input').length === 2, 'services listed');
    return el;
  }

  it('renders the default steps and lists the catalog services', async () => {
    const el = await flow();
    expect(deepAll(el, '.steps > *').map((s) => s.localName)).to.deep.equal([
      'theme-toggle',
      'branch-selector',
      'service-selector',
      'staff-selector',
      'availability-loader',
      'booking-summary',
    ]);
    expect(text(deep(el, 'branch-selector')))
      .to.include('Berlin Mitte')
      .and.include('Online');
    expect(text(deep(el, 'booking-summary'))).to.include('Choose a time');
    expect(text(deep(el, 'service-selector')))
      .to.include('Haircut')
      .and.include('Video coaching');
    expect(text(deep(el, 'staff-selector'))).to.include('Choose a service');
    expect(text(deep(el, 'availability-loader'))).to.include('Choose a service to see available times.');
  });

  it('goes from a service choice to the week of slots, and refetches for a chosen staff member', async () => {
    const el = await flow();
    const chosen = nextEvent(el, 'service-selected');
    radio(el, 'service-selector', 'haircut').click();
    const event = await chosen;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      serviceId: 'haircut',
      service: { id: 'haircut', name: 'Haircut', durationMinutes: 30, branchIds: ['berlin'] },
    });
    const loader = deep(el, 'availability-loader');
    await until(() => deepAll(deep(loader, 'hourly-calendar'), 'button.slot').length === 4, 'slots shown');
    expect(proxy.requests.at(-1)!.searchParams.has('staff')).to.equal(false);

    await until(() => deepAll(deep(el, 'staff-selector'), 'input').length === 2, 'staff listed');
    expect(text(deep(el, 'staff-selector')))
      .to.include('Any available')
      .and.include('Anna Berg')
      .and.not.include('Chloé');
    const staffChosen = nextEvent(el, 'staff-selected');
    radio(el, 'staff-selector', 'anna').click();
    expect((await staffChosen).detail).to.deep.equal({
      staffId: 'anna',
      staff: { id: 'anna', name: 'Anna Berg', serviceIds: ['haircut'], branchIds: ['berlin'] },
    });
    await until(() => proxy.requests.at(-1)!.searchParams.get('staff') === 'anna', 'refetched for Anna');

    const anyChosen = nextEvent(el, 'staff-selected');
    radio(el, 'staff-selector', '').click();
    expect((await anyChosen).detail).to.deep.equal({ staffId: null, staff: null });
  });

  it("uses the author's own steps instead of the default ones", async () => {
    const el = await fixture<BookingFlow>(html`
      <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" service="haircut">
        <availability-loader></availability-loader>
      </booking-flow>
    `);
    await until(() => proxy.requests.length === 1, 'loaded with the preselected service');
    expect(el.shadowRoot!.querySelector('.steps')).to.equal(null);
    expect(el.querySelectorAll('availability-loader')).to.have.length(1);
  });

  it('shows a clear, retryable message when the catalog cannot be loaded', async () => {
    const el = await fixture<BookingFlow>(html`<booking-flow proxy-url="/nowhere"></booking-flow>`);
    await until(() => text(deep(el, 'service-selector')).includes('could not be loaded'), 'catalog error shown');
    expect(deepAll(deep(el, 'service-selector'), '[role="alert"] button')).to.have.length(1);
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme`, async () => {
      const el = await flow(theme);
      radio(el, 'service-selector', 'haircut').click();
      await until(
        () => deepAll(deep(deep(el, 'availability-loader'), 'hourly-calendar'), 'button.slot').length === 4,
        'slots',
      );
      await expect(el).to.be.accessible();
    });
  }
});
