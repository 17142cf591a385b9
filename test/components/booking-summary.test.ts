import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { annasHaircut, slotButtons, summaryOf } from '../helpers/flows.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, nextEvent, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { typeText } from '../helpers/keyboard.js';
import { holdIdleCallbacks } from '../helpers/idle.js';
import { idle } from '../../src/api/idle.js';

const proxy = mockProxy();

const field = (el: BookingFlow, id: string) => deep<HTMLInputElement>(summaryOf(el), `#${id}`);
const confirm = (el: BookingFlow) => deep<HTMLButtonElement>(summaryOf(el), 'button[type="submit"]');

/** A flow with Anna's haircut preselected and the second time of the week chosen. */
async function flowWithSlot(theme = 'light') {
  const el = await annasHaircut(theme);
  slotButtons(el)[3]!.click(); // Wednesday 22 October, 10:00 in Berlin
  await until(() => deepAll(summaryOf(el), 'form').length === 1, 'form shown');
  return el;
}

async function type(input: HTMLInputElement, value: string) {
  input.focus();
  await typeText(value);
}

async function fillIn(el: BookingFlow) {
  await type(field(el, 'name'), 'Ada Lovelace');
  await type(field(el, 'email'), 'ada@example.com');
  await type(field(el, 'phone'), '+44 20 7946 0958');
  await type(field(el, 'notes'), 'First visit');
}

describe('<booking-summary>', () => {
  frozenDate();

  it("asks for the form's chunk once the page is idle, not while the first week renders (issue 18)", async () => {
    // Loaded already, so that only the wait for an idle page could keep the form away.
    await import('../../src/internal/summary-extras.js');
    const idle = holdIdleCallbacks();
    let el: BookingFlow;
    try {
      el = await annasHaircut();
      slotButtons(el)[3]!.click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deepAll(summaryOf(el), 'form')).to.have.length(0);
      expect(idle.held).to.be.greaterThan(0);
    } finally {
      idle.release();
    }
    await until(() => deepAll(summaryOf(el), 'form').length === 1, 'form shown once the page was idle');
  });

  it('gets its form when it was made before it is shown and the page went idle meanwhile (as the flow makes its steps)', async () => {
    const early = document.createElement('booking-summary');
    await import('../../src/internal/summary-extras.js');
    await idle();
    const el = await fixture<BookingFlow>(html`
      <booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        branch="berlin"
        service="haircut"
        staff="anna"
      >
        <availability-loader></availability-loader>
        ${early}
      </booking-flow>
    `);
    const times = () =>
      deepAll<HTMLButtonElement>(deep(el.querySelector('availability-loader')!, 'hourly-calendar'), 'button.slot');
    await until(() => times().length === 4, 'week shown');
    times()[3]!.click();
    await until(() => deepAll(early, 'form').length === 1, 'form shown');
  });

  it("sums up branch, service, staff, date and time in the viewer's zone", async () => {
    const el = await flowWithSlot();
    const summary = text(deep(summaryOf(el), '[part="summary"]'));
    expect(summary).to.include('Berlin Mitte').and.include('Haircut').and.include('Anna Berg');
    expect(summary).to.include('Wednesday, 22 October 2025');
    expect(summary).to.match(/10:00\s*[–-]\s*10:30\s*CEST/);
  });

  it('uses native validation: nothing is sent until name and a valid email are given', async () => {
    const el = await flowWithSlot();
    confirm(el).click();
    await el.updateComplete;
    expect(proxy.bookings).to.have.length(0);
    expect(field(el, 'name').validationMessage).to.not.equal('');
    await type(field(el, 'name'), 'Ada');
    await type(field(el, 'email'), 'not-an-email');
    confirm(el).click();
    expect(proxy.bookings).to.have.length(0);
    expect(field(el, 'email').validity.typeMismatch).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('books the slot, shows the confirmation and fires booking-confirmed', async () => {
    const el = await flowWithSlot();
    await fillIn(el);
    const confirmed = nextEvent(el, 'booking-confirmed');
    confirm(el).click();
    const event = await confirmed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.booking).to.deep.equal({
      uid: 'bk_1',
      start: '2025-10-22T08:00:00.000Z',
      end: '2025-10-22T08:30:00.000Z',
      status: 'accepted',
      service: 'haircut',
      staff: 'anna',
    });
    expect(proxy.bookings[0]).to.deep.equal({
      service: 'haircut',
      staff: 'anna',
      start: '2025-10-22T10:00:00+02:00',
      timeZone: 'Europe/Berlin',
      duration: 30,
      locale: 'en-GB',
      attendee: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958', notes: 'First visit' },
      // The time was held when it was chosen; the booking uses that hold.
      hold: proxy.manage.holds.at(-1)!.uid,
    });
    await until(() => deepAll(summaryOf(el), '[part="confirmation"]').length === 1, 'confirmation');
    const confirmation = text(deep(summaryOf(el), '[part="confirmation"]'));
    expect(confirmation)
      .to.include('Booking confirmed')
      .and.include('bk_1')
      .and.include('Anna Berg')
      .and.include('10:00');
    await expect(el).to.be.accessible();
  });

  it("reloads the booked service's week after a booking (the browser cache is invalidated)", async () => {
    const el = await flowWithSlot();
    const before = proxy.requests.length;
    await fillIn(el);
    confirm(el).click();
    await until(() => proxy.requests.length === before + 1, 'week fetched again, not served from the cache');
    expect(proxy.requests.at(-1)!.searchParams.get('service')).to.equal('haircut');
    expect(el.currentSelection.slot).to.equal(null);
  });

  it('on 409 says the time was just taken, keeps what was typed and reloads that week', async () => {
    const el = await flowWithSlot();
    await fillIn(el);
    proxy.bookingFailsWith = { status: 409, code: 'slot_unavailable', message: 'This time was just taken.' };
    const before = proxy.requests.length;
    const failed = nextEvent(el, 'booking-failed');
    confirm(el).click();
    const event = await failed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.error.code).to.equal('slot_unavailable');
    await until(() => deepAll(summaryOf(el), '[part="error"]').length === 1, 'error shown');
    const error = deep(summaryOf(el), '[part="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.include('just taken');
    expect(field(el, 'name').value).to.equal('Ada Lovelace');
    expect(field(el, 'email').value).to.equal('ada@example.com');
    expect(field(el, 'notes').value).to.equal('First visit');
    await until(() => proxy.requests.length === before + 1, 'that week reloaded');
    expect(proxy.requests.at(-1)!.searchParams.get('start')).to.equal('2025-10-19'); // the week of 20 October, padded
    await expect(el).to.be.accessible();

    // Choosing another time keeps the details and clears the error.
    await until(() => slotButtons(el).length === 4, 'week back');
    slotButtons(el)[2]!.click();
    await until(() => deepAll(summaryOf(el), '[part="error"]').length === 0, 'error cleared');
    expect(field(el, 'name').value).to.equal('Ada Lovelace');
  });

  it('on any other failure shows a retryable error and keeps the form', async () => {
    const el = await flowWithSlot('dark');
    await fillIn(el);
    proxy.bookingFailsWith = { status: 502, code: 'upstream_error', message: 'The booking service answered 500.' };
    confirm(el).click();
    await until(() => deepAll(summaryOf(el), '[part="error"]').length === 1, 'error shown');
    expect(text(deep(summaryOf(el), '[part="error"]'))).to.include('The booking service answered 500.');
    expect(el.currentSelection.slot, 'the chosen time stays for a retry').to.not.equal(null);
    expect(confirm(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
    proxy.bookingFailsWith = undefined;
    confirm(el).click();
    await until(() => deepAll(summaryOf(el), '[part="confirmation"]').length === 1, 'booked on retry');
    expect(proxy.bookings).to.have.length(2);
    // The retry of the same submission carried the same Idempotency-Key: a lost first answer cannot book twice.
    expect(proxy.bookingKeys[0]).to.match(/^k(-\d{1,10}){4}$/);
    expect(proxy.bookingKeys[1]).to.equal(proxy.bookingKeys[0]);
  });

  it('never calls a failure a taken time once the visitor leaves that time for another staff member', async () => {
    const el = await flowWithSlot();
    await fillIn(el);
    proxy.bookingFailsWith = { status: 502, code: 'upstream_error', message: 'The booking service answered 500.' };
    confirm(el).click();
    await until(() => deepAll(summaryOf(el), '[part="error"]').length === 1, 'error shown');
    deep<HTMLInputElement>(el, 'staff-selector', 'input[value=""]').click();
    await until(() => el.currentSelection.staffId === null && !el.currentSelection.slot, 'time left');
    await (summaryOf(el) as LitElement).updateComplete;
    expect(text(summaryOf(el))).to.not.include('just taken');
    expect(text(summaryOf(el))).to.include('The booking service answered 500.');
  });

  it('sends a new Idempotency-Key once the details change', async () => {
    const el = await flowWithSlot('light');
    await fillIn(el);
    proxy.bookingFailsWith = { status: 503, code: 'upstream_circuit_open', message: 'Busy.' };
    confirm(el).click();
    await until(() => deepAll(summaryOf(el), '[part="error"]').length === 1, 'error shown');
    const notes = field(el, 'notes');
    notes.value = 'Second thoughts';
    notes.dispatchEvent(new Event('input'));
    proxy.bookingFailsWith = undefined;
    confirm(el).click();
    await until(() => deepAll(summaryOf(el), '[part="confirmation"]').length === 1, 'booked');
    expect(proxy.bookingKeys).to.have.length(2);
    expect(proxy.bookingKeys[1]).to.not.equal(proxy.bookingKeys[0]);
  });

  it('says it is checking while the booking service has not confirmed, then confirms without a second booking', async () => {
    const el = await flowWithSlot('dark');
    await fillIn(el);
    proxy.unconfirmedAnswers = 1;
    confirm(el).click();
    await until(() => deepAll(summaryOf(el), '[part="checking"]').length === 1, 'checking shown');
    const checking = deep(summaryOf(el), '[part="checking"]');
    expect(checking.getAttribute('role')).to.equal('status');
    expect(text(checking)).to.include('Checking your booking');
    expect(confirm(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await until(() => deepAll(summaryOf(el), '[part="confirmation"]').length === 1, 'confirmed after checking');
    expect(proxy.bookingKeys).to.have.length(2);
    expect(proxy.bookingKeys[1]).to.equal(proxy.bookingKeys[0]);
  });
});
