import { bookingOutput } from './bookings.js';
import type { SandboxBooking, SandboxData } from './model.js';

const LIST_STATUSES: Record<string, (booking: SandboxBooking, now: number) => boolean> = {
  // Cal.com's Upcoming list shows bookings awaiting confirmation too (marked unconfirmed).
  upcoming: (b, now) => b.status !== 'cancelled' && b.end > now,
  unconfirmed: (b, now) => b.status === 'pending' && b.end > now,
  past: (b, now) => b.end <= now,
  cancelled: (b) => b.status === 'cancelled',
};

/**
 * `GET /v2/bookings` as Cal.com answers an API key: filtered by status, attendeeEmail, eventTypeId, afterStart and
 * beforeEnd, paged with take and skip (calcom-api.md §3 "Other booking endpoints").
 */
export function listBookings(
  data: SandboxData,
  query: URLSearchParams,
  now: number,
): { status: 200; body: unknown } | { status: 400; message: string } {
  const bound = (name: string) => {
    const value = query.get(name);
    return value === null ? undefined : Date.parse(value);
  };
  const [afterStart, beforeEnd] = [bound('afterStart'), bound('beforeEnd')];
  if (Number.isNaN(afterStart) || Number.isNaN(beforeEnd))
    return { status: 400, message: 'afterStart property is wrong,afterStart must be a valid ISO 8601 date string ' };
  const take = Number(query.get('take') ?? 100);
  const skip = Number(query.get('skip') ?? 0);
  if (!Number.isInteger(take) || take < 1 || take > 250 || !Number.isInteger(skip) || skip < 0) {
    return { status: 400, message: 'take property is wrong,take must not be greater than 250 ' };
  }
  const statuses = query.get('status')?.split(',') ?? [];
  const email = query.get('attendeeEmail')?.toLowerCase();
  const eventTypeId = query.get('eventTypeId');
  const found = data.bookings.filter(
    (b) =>
      (statuses.length === 0 || statuses.some((s) => LIST_STATUSES[s]?.(b, now))) &&
      (email === undefined || b.attendees.some((a) => a.email?.toLowerCase() === email)) &&
      (eventTypeId === null || String(b.eventTypeId) === eventTypeId) &&
      (afterStart === undefined || b.start >= afterStart) &&
      (beforeEnd === undefined || b.end <= beforeEnd),
  );
  const page = found.slice(skip, skip + take);
  const totalPages = Math.max(1, Math.ceil(found.length / take));
  const currentPage = Math.floor(skip / take) + 1;
  return {
    status: 200,
    body: {
      status: 'success',
      data: page.map((b) => bookingOutput(data, b)),
      pagination: {
        totalItems: found.length,
        remainingItems: Math.max(0, found.length - skip - page.length),
        returnedItems: page.length,
        itemsPerPage: take,
        currentPage,
        totalPages,
        hasNextPage: currentPage < totalPages,
        hasPreviousPage: currentPage > 1,
      },
    },
  };
}
