import { TZDate } from '@date-fns/tz';
import { addDays, dateInZone, weekdayOf } from '../model/dates.js';
import type { SandboxBooking, SandboxEventType, SandboxUser } from './model.js';

export interface SlotWindow {
  startMs: number;
  endMs: number;
  durationMinutes: number;
  now: number;
}

/** What takes a host's time: an accepted booking, or a live reservation in the shape of one. */
export type BusyTime = Pick<SandboxBooking, 'status' | 'host' | 'start' | 'end'>;

/** Whether `host` has an accepted booking overlapping [start, end). */
export function isBusy(bookings: readonly BusyTime[], host: string, start: number, end: number): boolean {
  return bookings.some((b) => b.status !== 'cancelled' && b.host === host && b.start < end && start < b.end);
}

/** Hosts of the event type who are free for a booking starting at `start`. */
export function freeHosts(
  eventType: SandboxEventType,
  users: readonly SandboxUser[],
  bookings: readonly BusyTime[],
  start: number,
  durationMinutes: number,
  now: number,
): string[] {
  return eventType.hosts.filter((username) => {
    const user = users.find((u) => u.username === username);
    if (!user) return false;
    const starts = hostStarts(eventType, user, bookings, { startMs: start, endMs: start, durationMinutes, now });
    return starts.includes(start);
  });
}

/** Every start instant in the window at which at least one host of the event type is free. */
export function availableStarts(
  eventType: SandboxEventType,
  users: readonly SandboxUser[],
  bookings: readonly BusyTime[],
  window: SlotWindow,
): number[] {
  const starts = new Set<number>();
  for (const username of eventType.hosts) {
    const user = users.find((u) => u.username === username);
    if (user) for (const start of hostStarts(eventType, user, bookings, window)) starts.add(start);
  }
  return [...starts].sort((a, b) => a - b);
}

function hostStarts(
  eventType: SandboxEventType,
  user: SandboxUser,
  bookings: readonly BusyTime[],
  { startMs, endMs, durationMinutes, now }: SlotWindow,
): number[] {
  const interval = eventType.slotInterval ?? durationMinutes;
  const earliest = now + eventType.minimumBookingNotice * 60_000;
  const lengthMs = durationMinutes * 60_000;
  const result: number[] = [];
  // Walk the host's own local days, one either side, so that zone offsets never cut a day short.
  const last = dateInZone(endMs + 86_400_000, user.timeZone);
  for (let date = dateInZone(startMs - 86_400_000, user.timeZone); date <= last; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    for (const hours of user.workingHours) {
      if (!hours.days.includes(weekday)) continue;
      for (let minute = hours.startTime; minute + durationMinutes <= hours.endTime; minute += interval) {
        const start = +new TZDate(y, m - 1, d, Math.floor(minute / 60), minute % 60, 0, user.timeZone);
        if (start < startMs || start > endMs || start < earliest) continue;
        if (isBusy(bookings, user.username, start, start + lengthMs)) continue;
        result.push(start);
      }
    }
  }
  return result;
}
