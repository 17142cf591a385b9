import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { gate, mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, text, until } from '../helpers/dom.js';
import { stepOf } from '../helpers/flows.js';
import { frozenDate } from '../helpers/clock.js';
import { focused, holding, press, tabTo, typeText } from '../helpers/keyboard.js';

const proxy = mockProxy();

const loaderOf = (el: BookingFlow) => deep(el, 'availability-loader');
const busy = (el: BookingFlow) => deep(loaderOf(el), '.body').getAttribute('aria-busy') === 'true';

describe('accessibility: keyboard, states and layout', () => {
  frozenDate();
  afterEach(() => {
    localStorage.clear();
  });

  it('books by keyboard alone: radios, one-stop calendar with PageDown/PageUp, form, confirmation', async () => {
    const el = await fixture<BookingFlow>(
      html`<booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" theme="light"></booking-flow>`,
    );
    await until(() => deepAll(deep(el, 'branch-selector'), 'input').length === 2, 'catalog');
    await tabTo((f) => f.matches('branch-selector input, input[name^="branch"]'), 'the branch step');
    await press(' ');
    await tabTo((f) => (f as HTMLInputElement).name?.startsWith('service'), 'the service step');
    await press(' ');
    await until(() => el.currentSelection.serviceId === 'haircut', 'service chosen by keyboard');
    await tabTo((f) => (f as HTMLInputElement).name?.startsWith('staff'), 'the staff step');
    await press('ArrowDown'); // from "any available" to Anna
    await until(() => el.currentSelection.staffId === 'anna', 'staff chosen by keyboard');
    await until(() => !busy(el) && deepAll(deep(loaderOf(el), 'hourly-calendar'), 'button.slot').length === 4, 'week');

    const slot = await tabTo((f) => f.matches('button.slot'), 'the calendar');
    expect((slot as HTMLElement).dataset.datetime).to.equal('2025-10-21T09:00:00+02:00');
    await press('PageDown');
    await until(
      () => !busy(el) && proxy.requests.at(-1)!.searchParams.get('start') === '2025-10-26',
      'next week loaded',
    );
    // The next week is empty: focus waits on its "next available" action instead of being lost.
    await until(
      () => focused()?.textContent?.includes('Show next available') === true,
      'focus on the empty state action',
    );
    await holding('Shift', async () => {
      for (let i = 0; i < 10 && focused()?.getAttribute('aria-label') !== 'Previous week'; i++) await press('Tab');
    });
    expect(focused()?.getAttribute('aria-label')).to.equal('Previous week');
    await press('Enter');
    await until(
      () => !busy(el) && deepAll(deep(loaderOf(el), 'hourly-calendar'), 'button.slot').length === 4,
      'back to this week',
    );
    const calendarSlot = await tabTo((f) => f.matches('button.slot'), 'the calendar again');
    expect(calendarSlot).to.exist;
    await press('ArrowRight'); // Wednesday 10:00
    await press('Enter');
    await until(() => el.currentSelection.slot?.time === '10:00', 'slot chosen by keyboard');
    await until(() => focused()?.localName === 'h2', 'focus moved to the summary');
    expect(focused()!.textContent).to.include('Your booking');

    await press('Tab');
    await typeText('Ada Lovelace');
    await press('Tab');
    await typeText('ada@example.com');
    await tabTo((f) => f.matches('button[type="submit"]'), 'the confirm button');
    await press('Enter');
    await until(() => focused()?.textContent?.includes('Booking confirmed') === true, 'focus on the confirmation');
    expect(proxy.bookings).to.have.length(1);
  });

  it('sends focus back to the calendar when the chosen time was just taken', async () => {
    const el = await fixture<BookingFlow>(
      html`<booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        service="haircut"
        theme="light"
      ></booking-flow>`,
    );
    await until(() => !busy(el) && deepAll(deep(loaderOf(el), 'hourly-calendar'), 'button.slot').length === 4, 'week');
    deepAll<HTMLButtonElement>(deep(loaderOf(el), 'hourly-calendar'), 'button.slot')[1]!.click();
    const summary = deep(el, 'booking-summary');
    await until(() => deepAll(summary, 'form').length === 1, 'form');
    deep<HTMLInputElement>(summary, '#name').focus();
    await typeText('Ada');
    deep<HTMLInputElement>(summary, '#email').focus();
    await typeText('ada@example.com');
    proxy.bookingFailsWith = { status: 409, code: 'slot_unavailable', message: 'taken' };
    deep<HTMLButtonElement>(summary, 'button[type="submit"]').click();
    await until(() => focused()?.matches('button.slot') === true, 'focus back in the calendar');
    expect(deep<HTMLInputElement>(summary, '#name').value).to.equal('Ada');
  });

  it('"Show next available" jumps to the first week with times, with a bounded number of requests', async () => {
    proxy.extraSlots = ['2025-11-12T09:00:00.000Z']; // three weeks ahead
    const el = await fixture<BookingFlow>(
      html`<booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        service="haircut"
        theme="dark"
      ></booking-flow>`,
    );
    const loader = await stepOf(el, 'availability-loader');
    await until(() => !busy(el) && deepAll(deep(loader, 'hourly-calendar'), 'button.slot').length > 0, 'this week');
    deep<HTMLButtonElement>(loader, 'button[aria-label="Next week"]').click();
    await until(() => !busy(el) && deepAll(loader, '[part="empty"]').length === 1, 'empty week');
    await expect(el).to.be.accessible();
    const before = proxy.requests.length;
    deep<HTMLButtonElement>(loader, '[part="empty"] button').click();
    await until(
      () => !busy(el) && deepAll(deep(loader, 'hourly-calendar'), 'button.slot').length === 1,
      'the week of 10 November',
    );
    expect(proxy.requests.length - before, 'weeks of 3 Nov and 10 Nov asked once each').to.equal(2);
    expect(loader.getAttribute('week-start')).to.equal('2025-11-10');
    expect(text(deep(loader, '[role="status"]'))).to.match(/1 time available this week/);

    proxy.extraSlots = [];
    deep<HTMLButtonElement>(loader, 'button[aria-label="Next week"]').click();
    await until(() => !busy(el) && deepAll(loader, '[part="empty"]').length === 1, 'empty again');
    const start = proxy.requests.length;
    deep<HTMLButtonElement>(loader, '[part="empty"] button').click();
    await until(
      () => text(deep(loader, '[part="empty"]')).includes('No free times in the next 8 weeks'),
      'search gave up',
    );
    expect(proxy.requests.length - start, 'at most 8 requests').to.equal(8);
  });

  it('keeps the same boxes between loading and loaded (no layout shift)', async () => {
    const el = await fixture<BookingFlow>(
      html`<booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" theme="light"></booking-flow>`,
    );
    await until(() => deepAll(deep(el, 'service-selector'), 'input').length === 2, 'catalog');
    const held = gate();
    proxy.gate = held.promise;
    deep<HTMLInputElement>(el, 'service-selector', 'input[value="haircut"]').click();
    await until(() => busy(el) && deepAll(loaderOf(el), '[part="skeleton"]').length === 1, 'skeleton');
    const boxes = () => ({
      body: deep(loaderOf(el), '.body').getBoundingClientRect().toJSON() as DOMRect,
      summary: deep(el, 'booking-summary').getBoundingClientRect().toJSON() as DOMRect,
    });
    const loading = boxes();
    await expect(el).to.be.accessible();
    held.open();
    await until(
      () => !busy(el) && deepAll(deep(loaderOf(el), 'hourly-calendar'), 'button.slot').length === 4,
      'loaded',
    );
    expect(boxes()).to.deep.equal(loading);
  });

  for (const theme of ['light', 'dark']) {
    it(`passes axe in the ${theme} theme when loading fails and when the form has errors`, async () => {
      const el = await fixture<BookingFlow>(
        html`<booking-flow
          proxy-url="/api"
          time-zone="Europe/Berlin"
          locale="en-GB"
          service="haircut"
          theme=${theme}
        ></booking-flow>`,
      );
      await until(
        () => !busy(el) && deepAll(deep(loaderOf(el), 'hourly-calendar'), 'button.slot').length === 4,
        'week',
      );
      deepAll<HTMLButtonElement>(deep(loaderOf(el), 'hourly-calendar'), 'button.slot')[0]!.click();
      const summary = deep(el, 'booking-summary');
      await until(() => deepAll(summary, 'form').length === 1, 'form');
      deep<HTMLButtonElement>(summary, 'button[type="submit"]').click(); // empty required fields
      await el.updateComplete;
      await expect(el).to.be.accessible();
      proxy.failWith = { status: 502, code: 'upstream_error', message: 'The booking service answered 500.' };
      deep<HTMLButtonElement>(loaderOf(el), 'button[aria-label="Next week"]').click();
      await until(() => deepAll(loaderOf(el), '[part="error"]').length === 1, 'error state');
      await expect(el).to.be.accessible();
    });
  }
});
