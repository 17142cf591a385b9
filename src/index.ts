// Public API without side effects: import './define.js' (or the CDN bundle) to register the elements.
export { AvailabilityLoader } from './components/availability-loader/availability-loader.js';
export { BookingFlow } from './components/booking-flow/booking-flow.js';
export { BookingSummary } from './components/booking-summary/booking-summary.js';
export { BranchSelector } from './components/branch-selector/branch-selector.js';
export { HourlyCalendar } from './components/hourly-calendar/hourly-calendar.js';
export { ServiceSelector } from './components/service-selector/service-selector.js';
export { StaffSelector } from './components/staff-selector/staff-selector.js';
export { ThemeToggle } from './components/theme-toggle/theme-toggle.js';
export {
  AvailabilityClient,
  type AvailabilityClientOptions,
  type InvalidateFilter,
  type WeekQuery,
} from './api/availability-client.js';
// The calls that book, hold, move and cancel are `booking-flow/booking-api`: the script-tag bundle leaves them to
// the chunk that loads once a time is chosen.
export type { BookingRequest, BookOptions, Hold, HoldRequest, ManagedBooking } from './api/booking-calls.js';
export { BookingApiError, type ApiErrorKind } from './api/errors.js';
export type { Branch, Catalog, ConfirmedBooking, Service, Staff, SlotsResponse } from './api/schemas.js';
export type { Slot, WeekData, WeekMetadata, DayInfo, WeekAvailability } from './model/week.js';
export { registerStrings, type BookingStrings } from './public/strings.js';
export type { BookingEventDetails, BookingEventName, ErrorDetail, Theme } from './public/events.js';
export type { Answer, Prefill } from './public/prefill.js';
export { BOOKING_FLOW_TAGS, type BookingFlowTag } from './tags.js';
export type { Question, ServiceForm } from './api/form-schemas.js';
