// Server-side date math with @date-fns/tz. Kept apart from dates.ts so that the browser bundle, which needs
// only Intl (zonedFields), never carries the time-zone library.
import { TZDate } from '@date-fns/tz';
import { addDays, type IsoDate } from './dates.js';

/**
 * The UTC instants covering the whole local days from `start` to `end` (inclusive) in `timeZone`, or undefined
 * when those days do not exist there (Pacific/Apia skipped 2011-12-30): never a range that ends before it starts.
 */
export function localDaysToUtcRange(
  start: IsoDate,
  end: IsoDate,
  timeZone: string,
): { start: string; end: string } | undefined {
  const from = +zonedMidnight(start, timeZone);
  const to = +zonedMidnight(addDays(end, 1), timeZone) - 1;
  if (!(to > from)) return undefined;
  return { start: new Date(from).toISOString(), end: new Date(to).toISOString() };
}

/** Local midnight of `date` in `timeZone` (or the first existing instant of that day). */
export function zonedMidnight(date: IsoDate, timeZone: string): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, timeZone);
}
