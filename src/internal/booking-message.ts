import { errorText, type BookingStrings } from '../public/strings.js';

/** Our words for the outcomes a visitor must act on; the proxy's own message otherwise. */
export function messageFor(t: BookingStrings, code: string, message: string): string {
  if (code === 'slot_unavailable') return t.slotTaken;
  if (code === 'booking_unconfirmed') return t.bookingUnconfirmed;
  return errorText(t, code, message);
}
