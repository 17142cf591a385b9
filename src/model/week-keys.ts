import type { Slot } from './week.js';

/**
 * The time a key moves to from `active` in a week of days (each a list of times; days without times are skipped),
 * or undefined at an edge; false for a key that does not move. Left and right keep the position within the day as
 * far as the other day allows, and follow the reading direction: in a right-to-left week, ArrowLeft is the next day.
 */
export function slotAfterKey(
  days: readonly (readonly Slot[])[],
  active: string | undefined,
  key: string,
  rtl = false,
): Slot | undefined | false {
  const withTimes = days.filter((slots) => slots.length > 0);
  const dayIndex = withTimes.findIndex((slots) => slots.some((s) => s.fullDatetime === active));
  const day = withTimes[dayIndex];
  if (!day) return false;
  const index = day.findIndex((s) => s.fullDatetime === active);
  switch (key) {
    case 'ArrowDown':
      return day[index + 1];
    case 'ArrowUp':
      return day[index - 1];
    case 'Home':
      return day[0];
    case 'End':
      return day.at(-1);
    case 'ArrowRight':
    case 'ArrowLeft': {
      const other = withTimes[dayIndex + ((key === 'ArrowRight') !== rtl ? 1 : -1)];
      return other?.[Math.min(index, other.length - 1)];
    }
    default:
      return false;
  }
}
