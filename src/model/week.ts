import type { BookingStrings } from '../public/strings.js';
import {
  addDays,
  dateInZone,
  dayNameOf,
  fieldsAtOffset,
  offsetText,
  weekDates,
  zonedFields,
  type DayName,
  type IsoDate,
} from './dates.js';
import { dateFormat } from './intl.js';

/** One bookable start time, expressed in the viewer's time zone. */
export interface Slot {
  /** `HH:mm` in the viewer's zone. */
  time: string;
  /** ISO 8601 with the zone's offset, e.g. `2025-10-20T09:00:00+02:00`. */
  fullDatetime: string;
  date: IsoDate;
  dayName: DayName;
  durationMinutes: number;
}

export type WeekData = Record<DayName, Slot[]>;

export interface DayInfo {
  date: IsoDate;
  dayName: DayName;
  /** Localised short label, e.g. "Mon 20 Oct". */
  label: string;
  /** The same without the month, e.g. "Mon 20": the narrow day strip's label (the week's heading has the month). */
  short: string;
  isToday: boolean;
  isPast: boolean;
}

export interface WeekMetadata {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  timeZone: string;
  days: DayInfo[];
  isCurrentWeek: boolean;
  totalSlots: number;
  /** When the answer was fetched from the proxy (ISO instant). */
  fetchedAt: string;
  fromCache: boolean;
  /** The proxy served these times from an expired entry while the booking service failed: possibly out of date. */
  stale: boolean;
}

export interface WeekAvailability {
  weekData: WeekData;
  weekMetadata: WeekMetadata;
}

export interface BuildWeekInput {
  /** Start instants (any ISO 8601 form with an offset) as the proxy returns them. */
  slots: readonly string[];
  weekStart: IsoDate;
  timeZone: string;
  durationMinutes: number;
  now: number;
  fetchedAt: number;
  fromCache: boolean;
  stale?: boolean;
  locale?: string;
}

export function emptyWeekData(): WeekData {
  return { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
}

/** Turns the proxy's instants into the days of one week in the viewer's zone. */
export function toSlot(instant: number, durationMinutes: number, offsetMinutes: number): Slot {
  const { date, time, second } = fieldsAtOffset(instant, offsetMinutes);
  const offset = offsetMinutes ? offsetText(offsetMinutes) : 'Z';
  return {
    time,
    fullDatetime: `${date}T${time}:${second}${offset}`,
    date,
    dayName: dayNameOf(date),
    durationMinutes,
  };
}

export function buildWeek(input: BuildWeekInput): WeekAvailability {
  const { weekStart, timeZone, durationMinutes, now } = input;
  const dates = weekDates(weekStart);
  const weekEnd = addDays(weekStart, 6);
  const weekData = emptyWeekData();
  // Each time once, in time order: each day's times then come in order.
  const instants = [...new Set(input.slots.map((iso) => Date.parse(iso)))]
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
  // A zone's clock changes twice a year at most (never twice within the 9 days an answer spans): when it reads the
  // same offset at the first and last time, that offset holds for every time between (issue 18).
  const [first, last] = [instants[0], instants.at(-1)].map((ms) =>
    ms === undefined ? undefined : zonedFields(ms, timeZone).offsetMinutes,
  );
  const offset = first === last ? first : undefined;
  let totalSlots = 0;
  for (const ms of instants) {
    const slot = toSlot(ms, durationMinutes, offset ?? zonedFields(ms, timeZone).offsetMinutes);
    if (slot.date < weekStart || slot.date > weekEnd) continue;
    weekData[slot.dayName].push(slot);
    totalSlots++;
  }

  const today = dateInZone(now, timeZone);
  // Labels of a date, not of an instant: formatted at UTC midnight, in UTC.
  const labeller = (month?: 'short') => {
    const format = dateFormat(input.locale, { weekday: 'short', day: 'numeric', month, timeZone: 'UTC' });
    return (date: IsoDate) => format.format(new Date(`${date}T00:00:00Z`));
  };
  const label = labeller('short');
  const short = labeller();
  return {
    weekData,
    weekMetadata: {
      weekStart,
      weekEnd,
      timeZone,
      days: dates.map((date) => ({
        date,
        dayName: dayNameOf(date),
        label: label(date),
        short: short(date),
        isToday: date === today,
        isPast: date < today,
      })),
      isCurrentWeek: today >= weekStart && today <= weekEnd,
      totalSlots,
      fetchedAt: new Date(input.fetchedAt).toISOString(),
      fromCache: input.fromCache,
      stale: input.stale ?? false,
    },
  };
}

/** How full a day is, for the visitor's overview: no times, a few (up to 4), or many. */
export function busyness(count: number): 'none' | 'few' | 'many' {
  return count === 0 ? 'none' : count <= 4 ? 'few' : 'many';
}

/** "Fully booked / Few times left / Many times free", or plainly "No times" for a day already past. */
export function busyText(day: DayInfo, slots: Slot[], t: BookingStrings): string {
  const busy = busyness(slots.length);
  return day.isPast && busy === 'none' ? t.noTimes : t.busy[busy];
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** A day's times by part of day (before noon, before 17:00, later), in order, each part only when it has times. */
export function groupByPartOfDay(slots: Slot[]): [PartOfDay, Slot[]][] {
  const groups = new Map<PartOfDay, Slot[]>();
  for (const slot of slots) {
    const hour = +slot.time.slice(0, 2);
    const part = hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
    let group = groups.get(part);
    if (!group) groups.set(part, (group = []));
    group.push(slot);
  }
  return [...groups];
}
