/**
 * The words of what follows a chosen time: the hold, the calendar links, changing and cancelling. They load with
 * that code (a chunk beside the bundle), not with the first paint; a language module or `strings` on the flow
 * replaces them like any other word (BookingStrings includes them).
 */
export interface ManageStrings {
  /** Said once when the hold starts (and again when it is renewed); the countdown beside it is not read out. */
  heldUntil: (time: string) => string;
  /** The visible countdown, e.g. "4:32 left". */
  holdLeft: (minutesSeconds: string) => string;
  holdEnded: string;
  addToCalendar: string;
  calendarFile: string;
  googleCalendar: string;
  outlookCalendar: string;
  /** The calendar entry's title: the service, and with whom when known. */
  calendarTitle: (service: string, staff?: string) => string;
  change: string;
  cancelBooking: string;
  changeHeading: string;
  currentBooking: string;
  newTime: string;
  chooseNewTime: string;
  changeReason: string;
  confirmChange: string;
  changing: string;
  changed: string;
  cancelQuestion: string;
  cancelReason: string;
  confirmCancel: string;
  keepBooking: string;
  cancelling: string;
  cancelled: string;
  loadingBooking: string;
  bookingNotFound: string;
  bookingWasCancelled: string;
  bookingWasMoved: string;
  bookingIsPast: string;
  bookNew: string;
}

export const manageEn: ManageStrings = {
  heldUntil: (time) => `This time is held for you until ${time}.`,
  holdLeft: (left) => `${left} left`,
  holdEnded: 'Your hold on this time has ended. It may still be free: confirm to try, or choose another time.',
  addToCalendar: 'Add to calendar',
  calendarFile: 'Calendar file (.ics)',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook.com',
  calendarTitle: (service, staff) => (staff ? `${service} with ${staff}` : service),
  change: 'Change',
  cancelBooking: 'Cancel booking',
  changeHeading: 'Change your booking',
  currentBooking: 'Current booking',
  newTime: 'New time',
  chooseNewTime: 'Choose a new time above.',
  changeReason: 'Reason for the change (optional)',
  confirmChange: 'Move my booking',
  changing: 'Moving…',
  changed: 'Booking moved',
  cancelQuestion: 'Cancel this booking?',
  cancelReason: 'Reason (optional)',
  confirmCancel: 'Yes, cancel it',
  keepBooking: 'Keep my booking',
  cancelling: 'Cancelling…',
  cancelled: 'Booking cancelled',
  loadingBooking: 'Loading your booking…',
  bookingNotFound: 'We could not find this booking. Please check the link you used.',
  bookingWasCancelled: 'This booking was cancelled.',
  bookingWasMoved: 'This booking was moved to another time. Use the link you were sent for the new one.',
  bookingIsPast: 'This appointment has already taken place.',
  bookNew: 'Book a new appointment',
};
