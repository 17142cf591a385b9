import { addDays, type IsoDate } from '../model/dates.js';
import type { AvailabilityClient, WeekQuery } from './availability-client.js';

/** How many weeks "Show next available" looks ahead, one request each at most. */
export const MAX_LOOKAHEAD_WEEKS = 8;

/**
 * The first week after `from` with free times, looking ahead week by week through the client (cached weeks cost
 * nothing), at most MAX_LOOKAHEAD_WEEKS requests; undefined when there is none.
 */
export async function nextWeekWithTimes(
  client: AvailabilityClient,
  query: Omit<WeekQuery, 'signal' | 'weekStart'>,
  from: IsoDate,
  signal: AbortSignal,
): Promise<IsoDate | undefined> {
  for (let i = 1; i <= MAX_LOOKAHEAD_WEEKS; i++) {
    const weekStart = addDays(from, 7 * i);
    const week = await client.getAvailabilityForWeek({ ...query, weekStart, signal });
    if (week.weekMetadata.totalSlots > 0) return weekStart;
  }
  return undefined;
}
