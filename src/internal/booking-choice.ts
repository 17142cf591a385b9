import type { ManagedBooking } from '../api/booking-calls.js';
import type { Catalog } from '../api/schemas.js';
import { emit } from '../public/events.js';

/**
 * Chooses a booking's branch, service and staff (anyone, when it was booked with "any available") with the step
 * events the selectors send, so that the flow around `from` (or the page's elements) shows its weeks. False until
 * the catalog knows the service.
 */
export function chooseInFlow(from: HTMLElement, catalog: Catalog | undefined, booking: ManagedBooking): boolean {
  const service = catalog?.services.find((s) => s.id === booking.service);
  if (!catalog || !service) return false;
  const staff = booking.anyStaff ? null : (catalog.staff.find((s) => s.id === booking.staff) ?? null);
  const branch = catalog.branches.find((b) => b.id === (staff?.branchIds?.[0] ?? service.branchIds?.[0]));
  if (branch) emit(from, 'branch-selected', { branchId: branch.id, branch });
  emit(from, 'service-selected', { serviceId: service.id, service });
  emit(from, 'staff-selected', { staffId: staff?.id ?? null, staff });
  return true;
}

/** Accepted or pending, and still ahead. */
export function changeable(booking: ManagedBooking): boolean {
  return (booking.status === 'accepted' || booking.status === 'pending') && Date.parse(booking.start) > Date.now();
}
