import * as v from 'valibot';

// The proxy's public wire format (SPEC.md "Proxy HTTP API"). The browser validates every answer against these
// before use, and the proxy builds its answers from the same types.

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const Minutes = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60));

export const BranchSchema = v.object({
  id: Id,
  name: v.string(),
  timeZone: v.optional(v.string()),
  address: v.optional(v.string()),
});

export const ServiceSchema = v.object({
  id: Id,
  name: v.string(),
  description: v.optional(v.string()),
  durationMinutes: Minutes,
  durations: v.optional(v.array(Minutes)),
  branchIds: v.optional(v.array(Id)),
});

export const StaffSchema = v.object({
  id: Id,
  name: v.string(),
  avatarUrl: v.optional(v.string()),
  serviceIds: v.array(Id),
  branchIds: v.optional(v.array(Id)),
});

export const CatalogSchema = v.object({
  branches: v.array(BranchSchema),
  services: v.array(ServiceSchema),
  staff: v.array(StaffSchema),
});

export const SlotsResponseSchema = v.object({
  service: Id,
  staff: v.nullable(Id),
  timeZone: v.string(),
  durationMinutes: Minutes,
  slots: v.array(v.pipe(v.string(), v.isoTimestamp())),
});

export const ConfirmedBookingSchema = v.object({
  uid: v.pipe(v.string(), v.minLength(1)),
  start: v.pipe(v.string(), v.isoTimestamp()),
  end: v.pipe(v.string(), v.isoTimestamp()),
  status: v.string(),
  service: Id,
  staff: v.nullable(Id),
});

export const BookingResponseSchema = v.object({ booking: ConfirmedBookingSchema });

export const ErrorBodySchema = v.object({
  error: v.object({ code: v.string(), message: v.string(), details: v.optional(v.unknown()) }),
});

export type Branch = v.InferOutput<typeof BranchSchema>;
export type Service = v.InferOutput<typeof ServiceSchema>;
export type Staff = v.InferOutput<typeof StaffSchema>;
export type Catalog = v.InferOutput<typeof CatalogSchema>;
export type SlotsResponse = v.InferOutput<typeof SlotsResponseSchema>;
export type ConfirmedBooking = v.InferOutput<typeof ConfirmedBookingSchema>;
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;
