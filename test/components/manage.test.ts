import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { BOOKED, mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, nextEvent, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { focused, press, tabTo, typeText } from '../helpers/keyboard.js';

const proxy = mockProxy();
const { manage } = proxy;

const summaryOf = (el: BookingFlow) => deep(el, 'booking-summary');
const panelText = (el: BookingFlow) => text(summaryOf(el));
const button = (el: BookingFlow, label: string) => {
  const found = deepAll<HTMLButtonElement>(summaryOf(el), 'button').find((b) => text(b) === label);
  if (!found) throw new Error(`No button "${label}" in: ${panelText(el)}`);
  return found;
};
const slotButtons = (el: BookingFlow) =>
  deepAll<HTMLButtonElement>(deep(el, 'availability-loader', 'hourly-calendar'), 'button.slot');

async function flowFor(uid: string | undefined, theme = 'light') {
  return fixture<BookingFlow>(html`
    <booking-flow
      proxy-url="/api"
      time-zone="Europe/Berlin"
      locale="en-GB"
      theme=${theme}
      reschedule-uid=${uid ?? ''}
    ></booking-flow>
  `);
}

describe('changing and cancelling a booking (issue 14)', () => {
  frozenDate();
  beforeEach(() => manage.bookings.set(BOOKED.uid, { ...BOOKED }));

  it('opens on reschedule-uid: shows the booking, chooses its service and staff, and moves it', async () => {
    const el = await flowFor('bk_old');
    await until(() => panelText(el).includes('Current booking'), 'booking loaded');
    expect(panelText(el)).to.include('Change your booking').and.include('Haircut').and.include('Anna Berg');
    expect(panelText(el)).to.match(/Thursday, 23 October 2025.*0?9:00\s*[–-]\s*0?9:30/);
    await until(() => el.currentSelection.serviceId === 'haircut' && el.currentSelection.staffId === 'anna', 'chosen');
    expect(el.currentSelection.branchId).to.equal('berlin');
    await until(() => slotButtons(el).length > 0, 'Anna’s week');
    await expect(el).to.be.accessible();

    slotButtons(el)[3]!.click(); // Wednesday 10:00
    await until(() => panelText(el).includes('New time') && manage.holds.length === 1, 'new time held');
    deep<HTMLTextAreaElement>(summaryOf(el), '#reason').focus();
    await typeText('Train late');
    const moved = nextEvent(el, 'booking-rescheduled');
    button(el, 'Move my booking').click();
    const event = await moved;
    expect(event.detail.previousUid).to.equal('bk_old');
    expect(event.detail.booking).to.deep.include({ uid: 'bk_old_moved', start: '2025-10-22T08:00:00.000Z' });
    expect(manage.changes[0]).to.deep.equal({
      action: 'reschedule',
      uid: 'bk_old',
      body: { start: '2025-10-22T10:00:00+02:00', hold: manage.holds[0]!.uid, reason: 'Train late' },
    });
    await until(() => panelText(el).includes('Booking moved'), 'receipt');
    expect(panelText(el)).to.include('bk_old_moved').and.include('Add to calendar');
    const calendarLinks = deepAll<HTMLAnchorElement>(summaryOf(el), '[part="calendar-link"]');
    expect(calendarLinks.map((a) => a.textContent?.trim())).to.deep.equal([
      'Calendar file (.ics)',
      'Google Calendar',
      'Outlook.com',
    ]);
    const ics = decodeURIComponent(calendarLinks[0]!.href.split(',')[1]!);
    expect(ics).to.include('DTSTART:20251022T080000Z').and.include('SUMMARY:Haircut with Anna Berg');
    expect(calendarLinks[0]!.download).to.equal('booking.ics');
    await until(() => focused()?.id === 'done', 'focus on the receipt');
    await expect(el).to.be.accessible();
  });

  it('reads ?reschedule= from the page, unless reschedule-uid is set (even empty)', async () => {
    const before = location.href;
    history.replaceState(null, '', '?reschedule=bk_old');
    try {
      const el = await fixture<BookingFlow>(html`<booking-flow proxy-url="/api" locale="en-GB"></booking-flow>`);
      await until(() => panelText(el).includes('Current booking'), 'loaded from the URL');
      const off = await flowFor('');
      await until(() => panelText(off).includes('Choose a time'), 'empty attribute: the plain flow');
      expect(panelText(off)).to.not.include('Change your booking');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('cancels after asking, by keyboard, with a reason; then offers a new booking', async () => {
    const el = await flowFor('bk_old');
    await until(() => panelText(el).includes('Current booking'), 'booking loaded');
    await tabTo((f) => f.textContent?.trim() === 'Cancel booking', 'the cancel button');
    await press('Enter');
    await until(() => focused()?.id === 'cancel-question', 'focus on the question');
    expect(panelText(el)).to.include('Cancel this booking?');
    await expect(el).to.be.accessible();
    await press('Tab');
    await typeText('Ill');
    const cancelled = nextEvent(el, 'booking-cancelled');
    await press('Tab');
    await press('Enter');
    expect((await cancelled).detail).to.deep.equal({ uid: 'bk_old' });
    expect(manage.changes).to.deep.equal([{ action: 'cancel', uid: 'bk_old', body: { reason: 'Ill' } }]);
    await until(() => panelText(el).includes('Booking cancelled'), 'cancelled said');
    await expect(el).to.be.accessible();
    button(el, 'Book a new appointment').click();
    await until(() => panelText(el).includes('Choose a time'), 'back to booking');
  });

  it('passes axe in dark mode in every state: change, new time, cancel question, moved and cancelled receipts', async () => {
    manage.bookings.set('bk_two', { ...BOOKED, uid: 'bk_two' });
    const el = await flowFor('bk_old', 'dark');
    await until(() => slotButtons(el).length > 0 && panelText(el).includes('Current booking'), 'loaded');
    await expect(el).to.be.accessible();
    slotButtons(el)[3]!.click();
    await until(
      () => panelText(el).includes('Move my booking') && deepAll(summaryOf(el), '[part="hold"]').length > 0,
      'new time',
    );
    await expect(el).to.be.accessible();
    button(el, 'Move my booking').click();
    await until(() => panelText(el).includes('Booking moved'), 'moved');
    await expect(el).to.be.accessible();
    const other = await flowFor('bk_two', 'dark');
    await until(() => panelText(other).includes('Current booking'), 'loaded');
    button(other, 'Cancel booking').click();
    await until(() => panelText(other).includes('Cancel this booking?'), 'asked');
    await expect(other).to.be.accessible();
    button(other, 'Yes, cancel it').click();
    await until(() => panelText(other).includes('Booking cancelled'), 'cancelled');
    await expect(other).to.be.accessible();
  });

  it('"Keep my booking" closes the question and gives focus back', async () => {
    const el = await flowFor('bk_old');
    await until(() => panelText(el).includes('Current booking'), 'booking loaded');
    button(el, 'Cancel booking').click();
    await until(() => panelText(el).includes('Cancel this booking?'), 'asked');
    button(el, 'Keep my booking').click();
    await until(() => focused()?.id === 'cancel-open', 'focus back on "Cancel booking"');
    expect(manage.changes).to.deep.equal([]);
  });

  const ended: [string, Record<string, unknown> | undefined, string][] = [
    ['an unknown uid', undefined, 'We could not find this booking'],
    ['a cancelled booking', { ...BOOKED, status: 'cancelled' }, 'This booking was cancelled.'],
    ['a moved booking', { ...BOOKED, status: 'cancelled', rescheduledTo: 'bk_new' }, 'This booking was moved'],
    [
      'a past booking',
      { ...BOOKED, start: '2025-10-20T07:00:00.000Z', end: '2025-10-20T07:30:00.000Z' },
      'already taken place',
    ],
  ];
  for (const [what, booking, message] of ended) {
    it(`says so plainly for ${what}, with a way to book anew (light and dark)`, async () => {
      manage.bookings.delete('bk_old');
      if (booking) manage.bookings.set('bk_old', booking);
      for (const theme of ['light', 'dark']) {
        const el = await flowFor('bk_old', theme);
        await until(() => panelText(el).includes(message), message);
        expect(deepAll(summaryOf(el), '[part="error"]')).to.have.length(0, 'not an error');
        expect(panelText(el)).to.not.include('Current booking');
        await expect(el).to.be.accessible();
        button(el, 'Book a new appointment').click();
        await until(() => panelText(el).includes('Choose a time'), 'back to booking');
      }
    });
  }

  it('offers Change and Cancel on the confirmation of a new booking, and changes it in place', async () => {
    const el = await fixture<BookingFlow>(html`
      <booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        branch="berlin"
        service="haircut"
        staff="anna"
        reschedule-uid=""
      ></booking-flow>
    `);
    await until(() => slotButtons(el).length === 4, 'week');
    slotButtons(el)[3]!.click();
    await until(() => deepAll(summaryOf(el), 'form').length === 1, 'form');
    for (const [id, value] of [
      ['name', 'Ada Lovelace'],
      ['email', 'ada@example.com'],
    ]) {
      deep<HTMLInputElement>(summaryOf(el), `#${id}`).focus();
      await typeText(value!);
    }
    deep<HTMLButtonElement>(summaryOf(el), 'button[type="submit"]').click();
    await until(() => panelText(el).includes('Booking confirmed'), 'confirmed');
    expect(panelText(el)).to.include('Add to calendar');
    const uid = (proxy.bookings.length && `bk_${proxy.bookings.length}`) as string;
    button(el, 'Change').click();
    await until(() => panelText(el).includes('Current booking'), 'change panel for the new booking');
    await until(() => focused()?.id === 'heading', 'focus on its heading');
    expect(panelText(el)).to.include('Wednesday, 22 October 2025');
    slotButtons(el)[1]!.click();
    const moved = nextEvent(el, 'booking-rescheduled');
    await until(() => panelText(el).includes('Move my booking'), 'new time chosen');
    button(el, 'Move my booking').click();
    expect((await moved).detail.previousUid).to.equal(uid);
  });

  it('keeps the panel and says why when the new time was taken meanwhile', async () => {
    const el = await flowFor('bk_old');
    await until(() => slotButtons(el).length > 0 && panelText(el).includes('Current booking'), 'loaded');
    slotButtons(el)[3]!.click();
    await until(() => panelText(el).includes('Move my booking'), 'new time chosen');
    manage.rescheduleFailsWith = { status: 409, code: 'slot_unavailable', message: 'Taken.' };
    const failed = nextEvent(el, 'booking-failed');
    button(el, 'Move my booking').click();
    expect((await failed).detail.error.code).to.equal('slot_unavailable');
    await until(() => panelText(el).includes('this time was just taken'), 'said');
    expect(panelText(el)).to.include('Current booking').and.include('Choose a new time above.');
  });
});
