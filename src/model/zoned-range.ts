// Server-side date math with @date-fns/tz. Kept apart from dates.ts so that the browser bundle, which needs
// only Intl (zonedFields), never carries the time-zone library.
import { TZDate } from '@date-fns/tz';
import { addDays, type IsoDate } from './dates.js';

/** The UTC instants covering the whole local days from `start` to `end` (inclusive) in `timeZone`. */
export function localDaysToUtcRange(start: IsoDate, end: IsoDate, timeZone: string): { start: string; end: string } {
  return {
    start: new Date(+zonedMidnight(start, timeZone)).toISOString(),
    end: new Date(+zonedMidnight(addDays(end, 1), timeZone) - 1).toISOString(),
  };
}

/** Local midnight of `date` in `timeZone` (or the first existing instant of that day). */
export function zonedMidnight(date: IsoDate, timeZone: string): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 0, 0, 0, timeZone);
}

