// `booking-flow/booking-api`: the proxy calls that write, for pages that book without the elements.
export {
  book,
  holdTime,
  releaseHold,
  lookUpBooking,
  rescheduleBooking,
  cancelBooking,
  newIdempotencyKey,
  type BookingRequest,
  type BookOptions,
  type Hold,
  type HoldRequest,
  type ManagedBooking,
} from './api/booking-calls.js';
