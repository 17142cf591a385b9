/** SPEC.md "Elements": every custom element the package ships. */
export const SPEC_ELEMENTS = [
  'booking-flow',
  'branch-selector',
  'service-selector',
  'staff-selector',
  'availability-loader',
  'hourly-calendar',
  'booking-summary',
  'theme-toggle',
];

/** SPEC.md "Events": every event of the table, in its order (the time-zone switcher's is the project's own). */
export const SPEC_EVENTS = [
  'branch-selected',
  'service-selected',
  'staff-selected',
  'week-changed',
  'availability-loaded',
  'availability-error',
  'slot-selected',
  'booking-confirmed',
  'booking-failed',
  'theme-changed',
];
