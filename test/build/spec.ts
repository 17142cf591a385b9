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
