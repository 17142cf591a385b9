
/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Day names in JavaScript's getDay() order (0 = Sunday). */
export const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** 0 = Sunday ... 6 = Saturday, as in date-fns and Intl week info. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: IsoDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.toISOString().slice(0, 10) === value;
}

// Calendar arithmetic runs on UTC midnights, which have no DST, so a "day" is always 24 h here.
function toUtcMs(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / MS_PER_DAY);
}

export function weekdayOf(date: IsoDate): WeekdayIndex {
  return new Date(toUtcMs(date)).getUTCDay() as WeekdayIndex;
}

export function dayNameOf(date: IsoDate): DayName {
  return DAY_NAMES[weekdayOf(date)];
}

/** The first day of the week holding `date`, for weeks that start on `weekStartsOn`. */
export function startOfWeek(date: IsoDate, weekStartsOn: WeekdayIndex): IsoDate {
  const back = (weekdayOf(date) - weekStartsOn + 7) % 7;
  return addDays(date, -back);
}

/** The 7 dates of the week starting at `weekStart`. */
export function weekDates(weekStart: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

const fieldFormats = new Map<string, Intl.DateTimeFormat>();

/** What a wall clock in `timeZone` shows at an instant, and that zone's offset then (Intl only: nothing to ship). */
export function zonedFields(instant: Date | number, timeZone: string): { date: IsoDate; time: string; second: number; offsetMinutes: number } {
  let format = fieldFormats.get(timeZone);
  if (!format) {
    const options = { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    fieldFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-US', options)));
  }
  const ms = +instant;
  const field: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) field[part.type] = Number(part.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = field;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    second,
    offsetMinutes: Math.round((wallClock - Math.floor(ms / 1000) * 1000) / 60_000),
  };
}

/** The calendar date an instant falls on in `timeZone`. */
export function dateInZone(instant: Date | number, timeZone: string): IsoDate {
  return zonedFields(instant, timeZone).date;
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
