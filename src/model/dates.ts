import { addDays as addDaysFns, differenceInCalendarDays, getDay, startOfWeek as startOfWeekFns } from 'date-fns';
/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Day names in JavaScript's getDay() order (0 = Sunday). */
export const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** 0 = Sunday ... 6 = Saturday, as in date-fns and Intl week info. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Calendar dates are date-fns Dates at local midnight: date-fns' day arithmetic keeps the wall-clock day across
// DST changes, so "a day later" is always the next calendar date, whatever the browser's zone.

/** The local-midnight Date of `YYYY-MM-DD` (setFullYear keeps years 0-99 as written). */
function toDay(date: IsoDate): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const day = new Date(0);
  day.setFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  day.setHours(0, 0, 0, 0);
  return day;
}

function fromDay(day: Date): IsoDate {
  return `${String(day.getFullYear()).padStart(4, '0')}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && fromDay(toDay(value)) === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDay(addDaysFns(toDay(date), days));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toDay(b), toDay(a));
}

export function weekdayOf(date: IsoDate): WeekdayIndex {
  return getDay(toDay(date)) as WeekdayIndex;
}

export function dayNameOf(date: IsoDate): DayName {
  return DAY_NAMES[weekdayOf(date)];
}

/** The first day of the week holding `date`, for weeks that start on `weekStartsOn`. */
export function startOfWeek(date: IsoDate, weekStartsOn: WeekdayIndex): IsoDate {
  return fromDay(startOfWeekFns(toDay(date), { weekStartsOn }));
}

/** The 7 dates of the week starting at `weekStart`. */
export function weekDates(weekStart: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

/** A wall clock's reading: its date, `HH:mm`, seconds (`ss`), and the zone's offset from UTC then. */
export interface ZonedFields {
  date: IsoDate;
  time: string;
  second: string;
  offsetMinutes: number;
}

/** What a wall clock in `timeZone` shows at an instant, and that zone's offset then (Intl only: nothing to ship). */
export function zonedFields(instant: Date | number, timeZone: string): ZonedFields {
  let format = fieldFormats.get(timeZone);
  if (!format) {
    const options = {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    } as const;
    fieldFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', options)));
  }
  const ms = +instant;
  const field: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) field[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = field;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  return fieldsAtOffset(ms, Math.round((wallClock - Math.floor(ms / 1000) * 1000) / 60_000));
}

/**
 * zonedFields' answer for an instant whose zone offset is known, by arithmetic: no Intl call (a formatToParts is
 * tens of µs, and a week of times asked for hundreds of them).
 */
export function fieldsAtOffset(instant: number, offsetMinutes: number): ZonedFields {
  const wall = new Date(instant + offsetMinutes * 60_000).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16), second: wall.slice(17, 19), offsetMinutes };
}

/** An offset from UTC as `±HH:MM`, read off a clock that far past midnight (no zone is 24 hours off). */
export function offsetText(offsetMinutes: number): string {
  return (offsetMinutes < 0 ? '-' : '+') + new Date(Math.abs(offsetMinutes) * 60_000).toISOString().slice(11, 16);
}

/** The calendar date an instant falls on in `timeZone`. */
export function dateInZone(instant: Date | number, timeZone: string): IsoDate {
  return zonedFields(instant, timeZone).date;
}

/** The first day of the week that `now` falls in, in `timeZone`. */
export function currentWeekStart(timeZone: string, weekStartsOn: WeekdayIndex, now = Date.now()): IsoDate {
  return startOfWeek(dateInZone(now, timeZone), weekStartsOn);
}

const knownZones = new Set<string>();

/** True when `timeZone` is an IANA zone this runtime knows (remembered: building a formatter is slow). */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return false;
  }
  if (knownZones.size < 1_000) knownZones.add(timeZone);
  return true;
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
