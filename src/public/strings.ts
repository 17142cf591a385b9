import type { FormStrings } from '../internal/form-strings.js';
import { addLanguage, pageLanguages } from './language-registry.js';
import type { ManageStrings } from '../internal/manage-strings.js';
import type { SearchStrings } from '../internal/choice-search.js';
import type { NextAvailableStrings } from '../internal/next-available-search.js';
import type { StepStrings } from '../internal/step-strings.js';

/**
 * Every word the elements show. Authors replace any of them with `<booking-flow>.strings = { ... }`. The words of
 * holds, calendar links, changing and cancelling (ManageStrings) and of the form's guests, places and questions
 * (FormStrings), the search over long lists (SearchStrings), the step-by-step layout (StepStrings) and the search
 * for the next free week (NextAvailableStrings) load with that code; English fills any left out.
 */
export interface BookingStrings
  extends
    Partial<ManageStrings>,
    Partial<FormStrings>,
    Partial<SearchStrings>,
    Partial<StepStrings>,
    Partial<NextAvailableStrings> {
  bookingRegion: string;
  locationLegend: string;
  serviceLegend: string;
  /** The choice of a service's length, for a service that has several. */
  lengthLegend: string;
  staffLegend: string;
  anyStaff: string;
  anyStaffDescription: string;
  chooseServiceForStaff: string;
  loading: (what: string) => string;
  couldNotLoad: (what: string) => string;
  catalogParts: { locations: string; services: string; staff: string };
  retry: string;
  previousWeek: string;
  nextWeek: string;
  thisWeek: string;
  timeZone: string;
  chooseService: string;
  loadingTimes: string;
  timesAvailable: (count: number) => string;
  noTimesThisWeek: string;
  availabilityFailed: string;
  availableTimes: string;
  /** The headings of a day's times. */
  partsOfDay: { morning: string; afternoon: string; evening: string };
  days: string;
  busy: { none: string; few: string; many: string };
  withStaff: (name: string) => string;
  today: string;
  noTimes: string;
  yourBooking: string;
  /** The booking form's code (a chunk beside the bundle) did not load; Retry asks again. */
  formFailed: string;
  chooseTime: string;
  chooseAnotherTime: string;
  time: string;
  slotTaken: string;
  /** Said politely when the shown week changed under the visitor (someone else booked, a time was freed). */
  timesUpdated: string;
  bookingFailed: string;
  bookingUnconfirmed: string;
  staleTimes: string;
  themeLegend: string;
  themes: { light: string; dark: string; auto: string };
  unknownPreselection: (names: string[]) => string;
  unknownKinds: { location: string; service: string; staff: string };
  /** Messages for the client's own error codes; the proxy's messages are shown as they come otherwise. */
  errors: Partial<Record<string, string>>;
}

export const en: BookingStrings = {
  bookingRegion: 'Book an appointment',
  locationLegend: 'Location',
  serviceLegend: 'Service',
  lengthLegend: 'Length',
  staffLegend: 'Staff',
  anyStaff: 'Any available',
  anyStaffDescription: 'The first free person takes your booking.',
  chooseServiceForStaff: 'Choose a service to see who offers it.',
  loading: (what) => `Loading ${what}…`,
  couldNotLoad: (what) => `The ${what} could not be loaded.`,
  catalogParts: { locations: 'locations', services: 'services', staff: 'staff' },
  retry: 'Retry',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  thisWeek: 'This week',
  timeZone: 'Time zone',
  chooseService: 'Choose a service to see available times.',
  loadingTimes: 'Loading available times…',
  timesAvailable: (n) => (n === 1 ? '1 time available this week.' : `${n} times available this week.`),
  noTimesThisWeek: 'No times available this week.',
  availabilityFailed: 'Availability could not be loaded.',
  availableTimes: 'Available times',
  partsOfDay: { morning: 'Morning', afternoon: 'Afternoon', evening: 'Evening' },
  days: 'Days',
  busy: { none: 'Fully booked', few: 'Few times left', many: 'Many times free' },
  withStaff: (name) => `with ${name}`,
  today: 'today',
  noTimes: 'No times',
  yourBooking: 'Your booking',
  formFailed: 'The booking form could not be loaded.',
  chooseTime: 'Choose a time to continue.',
  chooseAnotherTime: 'Choose another time above.',
  time: 'Time',
  timesUpdated: 'Times updated.',
  slotTaken: 'Sorry, this time was just taken by someone else. Please choose another time; your details are kept.',
  bookingFailed: 'The booking could not be made. Please try again.',
  bookingUnconfirmed: 'Not confirmed yet. Check your email before booking again.',
  staleTimes: 'These times may be out of date.',
  themeLegend: 'Colour theme',
  themes: { light: 'Light', dark: 'Dark', auto: 'Auto' },
  unknownPreselection: (names) => `This booking page asks for ${names.join(' and ')}, which ${names.length === 1 ? 'does' : 'do'} not exist. Please choose from the options below.`,
  unknownKinds: { location: 'location', service: 'service', staff: 'staff member' },
  errors: {
    network: 'The booking service could not be reached. Check your connection and try again.',
    timeout: 'The booking service did not answer in time. Please try again.',
    bad_payload: 'The booking service sent an answer this page does not understand.',
    no_client: 'No booking service is configured (set proxy-url on <booking-flow>).',
  },
};

/**
 * Adds the words of a language (`de`, `fr`, ...), English filling any left out. English is built in; others are
 * modules that call this (`booking-flow/locales/de`, or `locales/de.js` anywhere on the page beside the script-tag
 * bundle), so that a page downloads only the languages it uses. Elements shown already switch to the new words.
 */
export const registerStrings = addLanguage;

/** The strings for a locale (its language, falling back to English), with the author's replacements on top. */
export function stringsFor(locale: string, overrides?: Partial<BookingStrings>): BookingStrings {
  let language = 'en';
  try {
    language = new Intl.Locale(locale).language;
  } catch {
    // An invalid locale falls back to English.
  }
  const words = pageLanguages().get(language);
  const base = words ? withOverrides(en, words) : en;
  return overrides ? withOverrides(base, overrides) : base;
}

function withOverrides(base: BookingStrings, overrides: Partial<BookingStrings>): BookingStrings {
  return { ...base, ...overrides, errors: { ...base.errors, ...overrides.errors } };
}

/** What to tell the visitor about a failed call: our words for the client's own codes, else the proxy's message. */
export function errorText(strings: BookingStrings, code: string, message: string): string {
  return strings.errors[code] ?? message;
}
