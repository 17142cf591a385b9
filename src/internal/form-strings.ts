/**
 * The words of the booking form and its confirmation: the visitor's details, guests, where the appointment takes
 * place, a service's own questions, and the receipt. They load with the form (a chunk beside the bundle), so the
 * first paint does not carry them; a language module or `strings` on the flow replaces them like any other word
 * (BookingStrings includes them).
 */
export interface FormStrings {
  /** The chosen time's rows: where, what, with whom and when (the time's own row is `time`, which the steps use too). */
  location: string;
  service: string;
  staff: string;
  date: string;
  /** The form's button, and what it says while the booking is made. */
  confirm: string;
  sending: string;
  name: string;
  email: string;
  phone: string;
  notes: string;
  /** Shown while the booking service has not confirmed a booking yet, and the button that asks again. */
  checkingBooking: string;
  checkAgain: string;
  /** The confirmation's heading (or the request's, where the business confirms), its booking reference, and the way back. */
  confirmed: string;
  requested: string;
  reference: string;
  bookAnother: string;
  guests: string;
  /** The label of each guest's email, e.g. "Guest 2 email". */
  guestEmail: (n: number) => string;
  addGuest: string;
  removeGuest: (n: number) => string;
  /** Said under the guests: how many may come. */
  guestsHint: (max: number) => string;
  whereLegend: string;
  locations: { 'in-person': string; phone: string; video: string };
  /** Beside "In person": where. */
  atAddress: (address: string) => string;
  /** The phone label when the host will call that number. */
  phoneRequired: string;
  /** A select's empty first option. */
  chooseOption: string;
  /** A question's words in the flow's language, by slug: they replace the label, hint and option labels of the config. */
  questions: Record<string, { label?: string; hint?: string; options?: Record<string, string> }>;
  /** Marks a question that may be left empty. */
  optional: (label: string) => string;
  /** A checkbox group that needs at least one ticked. */
  chooseAtLeastOne: string;
  /** Below the confirmation of a booking that the business still has to accept. */
  awaitingConfirmation: string;
}

export const formEn: FormStrings = {
  location: 'Location',
  service: 'Service',
  staff: 'With',
  date: 'Date',
  confirm: 'Confirm booking',
  sending: 'Booking…',
  name: 'Name',
  email: 'Email',
  phone: 'Phone (optional)',
  notes: 'Notes (optional)',
  checkingBooking: 'Checking your booking…',
  checkAgain: 'Check again',
  confirmed: 'Booking confirmed',
  requested: 'Booking requested',
  reference: 'Reference',
  bookAnother: 'Book another time',
  guests: 'Guests',
  guestEmail: (n) => `Guest ${n} email`,
  addGuest: 'Add a guest',
  removeGuest: (n) => `Remove guest ${n}`,
  guestsHint: (max) =>
    max === 1
      ? 'You may bring one guest; they get the invitation too.'
      : `You may bring up to ${max} guests; they get the invitation too.`,
  whereLegend: 'Where',
  locations: { 'in-person': 'In person', phone: 'By phone', video: 'Video call' },
  atAddress: (address) => `at ${address}`,
  phoneRequired: 'Phone (we will call this number)',
  chooseOption: 'Choose…',
  questions: {},
  optional: (label) => `${label} (optional)`,
  chooseAtLeastOne: 'Please choose at least one.',
  awaitingConfirmation: 'Your request was sent. You will get an email once it is confirmed.',
};
