import type { AvailabilityLoader } from '../components/availability-loader/availability-loader.js';
import type { BookingFlow } from '../components/booking-flow/booking-flow.js';
import type { BookingSummary } from '../components/booking-summary/booking-summary.js';
import type { BranchSelector } from '../components/branch-selector/branch-selector.js';
import type { HourlyCalendar } from '../components/hourly-calendar/hourly-calendar.js';
import type { ServiceSelector } from '../components/service-selector/service-selector.js';
import type { StaffSelector } from '../components/staff-selector/staff-selector.js';
import type { ThemeToggle } from '../components/theme-toggle/theme-toggle.js';
import type { BookingEventDetails, BookingEventName } from '../public/events.js';

// What a framework's templates may set on each element, for the React and Vue typings (booking-flow/react,
// booking-flow/vue). A test holds these lists against custom-elements.json.

export interface ElementClasses {
  'availability-loader': AvailabilityLoader;
  'booking-flow': BookingFlow;
  'booking-summary': BookingSummary;
  'branch-selector': BranchSelector;
  'hourly-calendar': HourlyCalendar;
  'service-selector': ServiceSelector;
  'staff-selector': StaffSelector;
  'theme-toggle': ThemeToggle;
}
export type Tag = keyof ElementClasses;

/** The public properties with an attribute (set as either) and those set as properties only. */
interface Properties {
  'availability-loader': { attributes: 'service' | 'staff' | 'weekStart' | 'duration' | 'timeZone'; only: 'client' };
  'booking-flow': {
    attributes:
      | 'proxyUrl'
      | 'branch'
      | 'service'
      | 'staff'
      | 'locale'
      | 'timeZone'
      | 'theme'
      | 'weekStartsOn'
      | 'hourCycle'
      | 'layout'
      | 'stepHistory'
      | 'rescheduleUid'
      | 'prefill'
      | 'prefillFromUrl';
    only: 'strings';
  };
  'booking-summary': { attributes: 'prefill' | 'prefillFromUrl'; only: 'client' };
  'branch-selector': { attributes: never; only: 'client' };
  'hourly-calendar': { attributes: never; only: 'weekData' | 'weekMetadata' };
  'service-selector': { attributes: 'branch'; only: 'client' };
  'staff-selector': { attributes: 'service'; only: 'client' };
  'theme-toggle': { attributes: never; only: never };
}

/**
 * The events a listener on each element hears: its own, and those that bubble up from the elements inside it (the
 * calendar inside a loader; everything inside a <booking-flow>).
 */
export interface ElementEvents {
  'availability-loader':
    'week-changed' | 'availability-loaded' | 'availability-error' | 'slot-selected' | 'time-zone-changed';
  'booking-flow': BookingEventName;
  'booking-summary':
    | 'booking-confirmed'
    | 'booking-failed'
    | 'booking-rescheduled'
    | 'booking-cancelled'
    | 'branch-selected'
    | 'service-selected'
    | 'staff-selected';
  'branch-selector': 'branch-selected';
  'hourly-calendar': 'slot-selected';
  'service-selector': 'service-selected' | 'duration-selected';
  'staff-selector': 'staff-selected';
  'theme-toggle': 'theme-changed';
}

/** `weekStartsOn` as its attribute is written: `week-starts-on`. */
export type Kebab<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `-${Lowercase<Head>}`}${Kebab<Tail>}`
  : S;

/** `booking-confirmed` as Vue names its listener prop: `onBookingConfirmed`. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

type AttributeValue<V> = V extends string ? V : V extends boolean ? boolean : string;

type Attributes<T extends Tag> = Extract<Properties[T]['attributes'], keyof ElementClasses[T]>;
type PropertiesOnly<T extends Tag> = Extract<Properties[T]['only'], keyof ElementClasses[T]>;

/** The element's properties, and its attributes by their HTML names (string values; JSON for objects). */
export type ElementProps<T extends Tag> = Partial<Pick<ElementClasses[T], Attributes<T> | PropertiesOnly<T>>> & {
  // One-word names (`theme`, `prefill`) are the property already; the others also by their attribute's name.
  [K in Attributes<T> as Kebab<K & string> extends K ? never : Kebab<K & string>]?: AttributeValue<
    NonNullable<ElementClasses[T][K]>
  >;
};

/** A listener of one of the element's events, with the event's typed detail. */
export type EventListenerOf<E extends BookingEventName> = (event: CustomEvent<BookingEventDetails[E]>) => void;
