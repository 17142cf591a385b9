// Every tag the package defines, for build tools that must be told which tags are custom elements (Vue's
// `isCustomElement`). It imports nothing, so a Node-side config can import it: `booking-flow/tags`.
export const BOOKING_FLOW_TAGS = [
  'availability-loader',
  'booking-flow',
  'booking-summary',
  'branch-selector',
  'hourly-calendar',
  'service-selector',
  'staff-selector',
  'theme-toggle',
] as const;

export type BookingFlowTag = (typeof BOOKING_FLOW_TAGS)[number];
