import { html } from 'lit';
import type { ConfirmedBooking } from '../api/schemas.js';
import { googleCalendarUrl, icsText, outlookCalendarUrl, type CalendarEntry } from '../model/calendar-entry.js';
import type { SummaryView } from './summary-extras.js';

/** The booking as a calendar entry: the service and person by name, the branch's address, the reference. */
export function calendarEntry(view: SummaryView, booking: ConfirmedBooking): CalendarEntry {
  const catalog = view.catalog();
  const t = view.words();
  const service = catalog?.services.find((s) => s.id === booking.service);
  const staff = catalog?.staff.find((s) => s.id === booking.staff);
  const branchId = view.chosen().branchId ?? staff?.branchIds?.[0] ?? service?.branchIds?.[0];
  const branch = catalog?.branches.find((b) => b.id === branchId);
  return {
    uid: booking.uid,
    start: booking.start,
    end: booking.end,
    title: view.words().calendarTitle(service?.name ?? booking.service, staff?.name),
    location: branch && (branch.address ? `${branch.name}, ${branch.address}` : branch.name),
    description: `${t.reference}: ${booking.uid}`,
  };
}

/** "Add to calendar": an .ics file made here, and Google and Outlook links, each opening in a new tab. */
export function calendarLinks(view: SummaryView, booking: ConfirmedBooking) {
  const m = view.words();
  const entry = calendarEntry(view, booking);
  const file = `data:text/calendar;charset=utf-8,${encodeURIComponent(icsText(entry, Date.now()))}`;
  return html`<div class="calendar" part="calendar" role="group" aria-labelledby="add-to-calendar">
    <span id="add-to-calendar" class="label">${m.addToCalendar}</span>
    <a class="button" part="calendar-link" href=${file} download="booking.ics">${m.calendarFile}</a>
    <a class="button" part="calendar-link" href=${googleCalendarUrl(entry)} target="_blank" rel="noopener"
      >${m.googleCalendar}</a
    >
    <a class="button" part="calendar-link" href=${outlookCalendarUrl(entry)} target="_blank" rel="noopener"
      >${m.outlookCalendar}</a
    >
  </div>`;
}
