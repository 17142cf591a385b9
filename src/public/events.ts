import type { Branch, ConfirmedBooking, Service, Staff } from '../api/schemas.js';
import type { Slot, WeekData, WeekMetadata } from '../model/week.js';
import type { IsoDate } from '../model/dates.js';

export type Theme = 'light' | 'dark' | 'auto';

export interface ErrorDetail {
  code: string;
  message: string;
}

/** Every public event and its `detail` (SPEC.md "Events"). All bubble and are composed. */
export interface BookingEventDetails {
  'branch-selected': { branchId: string; branch: Branch };
  'service-selected': { serviceId: string; service: Service };
  'staff-selected': { staffId: string | null; staff: Staff | null };
  /** Not in SPEC.md's table (issue 15): the visitor chose one of a service's lengths, in minutes. */
  'duration-selected': { durationMinutes: number };
  'week-changed': { weekStart: IsoDate };
  'availability-loaded': { weekData: WeekData; weekMetadata: WeekMetadata };
  'availability-error': { error: ErrorDetail; retry: () => void };
  'slot-selected': { slot: Slot };
  'booking-confirmed': { booking: ConfirmedBooking };
  'booking-failed': { error: ErrorDetail };
  /** Not in SPEC.md's table (issue 14): a booking was moved; `booking` is the new one. */
  'booking-rescheduled': { booking: ConfirmedBooking; previousUid: string };
  /** Not in SPEC.md's table (issue 14): a booking was cancelled. */
  'booking-cancelled': { uid: string };
  'theme-changed': { theme: Theme };
  /** Not in SPEC.md's table: the visitor picked another zone in the calendar's time-zone switcher. */
  'time-zone-changed': { timeZone: string };
}

export type BookingEventName = keyof BookingEventDetails;
type BookingEvents = { [K in BookingEventName]: CustomEvent<BookingEventDetails[K]> };

/** Dispatches a public event from `target`: a CustomEvent that bubbles out of any shadow root. */
export function emit<K extends BookingEventName>(target: EventTarget, type: K, detail: BookingEventDetails[K]): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

// Every event bubbles and is composed, so pages listen on the element, on document or on window alike.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends BookingEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends BookingEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends BookingEvents {}
}
