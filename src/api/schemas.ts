import {
  array,
  boolean,
  id,
  instant,
  minutes,
  nullable,
  object,
  optional,
  seconds,
  string,
  type Infer,
} from './shape.js';

// The proxy's public wire format (SPEC.md "Proxy HTTP API"). The browser checks every answer against these
// before use, and the proxy builds its answers from the same types.

export const BranchSchema = object({
  id,
  name: string,
  timeZone: optional(string),
  address: optional(string),
});

export const ServiceSchema = object({
  id,
  name: string,
  description: optional(string),
  durationMinutes: minutes,
  durations: optional(array(minutes)),
  branchIds: optional(array(id)),
});

export const StaffSchema = object({
  id,
  name: string,
  avatarUrl: optional(string),
  bio: optional(string),
  serviceIds: array(id),
  branchIds: optional(array(id)),
});

export const CatalogSchema = object({
  branches: array(BranchSchema),
  services: array(ServiceSchema),
  staff: array(StaffSchema),
});

export const SlotsResponseSchema = object({
  service: id,
  staff: nullable(id),
  timeZone: string,
  durationMinutes: minutes,
  slots: array(instant),
  /** Served from an expired entry while the booking service fails: possibly out of date. */
  stale: optional(boolean),
});

/** A booking as the proxy answers it; also the start of a booking looked up by its uid. */
export const BOOKING_FIELDS = {
  uid: string,
  start: instant,
  end: instant,
  status: string,
  service: id,
  staff: nullable(id),
};

export const ConfirmedBookingSchema = object(BOOKING_FIELDS);

export const BookingResponseSchema = object({ booking: ConfirmedBookingSchema });

/** 202: the booking service has not confirmed yet; ask again (same Idempotency-Key) after `retryAfterSeconds`. */
export const UnconfirmedSchema = object({ unconfirmed: object({ message: string, retryAfterSeconds: seconds }) });

export const ErrorBodySchema = object({
  error: object({ code: string, message: string, details: optional(object({ field: optional(string) })) }),
});

export type Branch = Infer<typeof BranchSchema>;
export type Service = Infer<typeof ServiceSchema>;
export type Staff = Infer<typeof StaffSchema>;
export type Catalog = Infer<typeof CatalogSchema>;
export type SlotsResponse = Infer<typeof SlotsResponseSchema>;
export type ConfirmedBooking = Infer<typeof ConfirmedBookingSchema>;
