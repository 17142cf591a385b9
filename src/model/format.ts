import { dateFormat, numberFormat } from './intl.js';
import type { Slot } from './week.js';

export interface SlotFormatters {
  key: string;
  /**
   * A time as shown ("09:00" or "9:00 AM", per locale and hour cycle) and its full accessible name ("Monday,
   * 20 October, 09:00, 45 minutes"), worked out once for each slot.
   */
  labels(slot: Slot): readonly [time: string, name: string];
}

/**
 * A time of day as the calendar shows it: 24-hour clocks read best as 09:00, 12-hour ones as 9:00 AM. Said
 * outright, as browsers differ on `hour: 'numeric'` in 24-hour locales (8:05 in Chromium, 08:05 in Firefox).
 */
export function clockFormat(locale: string, timeZone: string, hourCycle?: 'h12' | 'h23'): Intl.DateTimeFormat {
  const cycle = dateFormat(locale, { hour: 'numeric', hourCycle }).resolvedOptions().hourCycle;
  const twoDigit = cycle === 'h23' || cycle === 'h24';
  return dateFormat(locale, {
    hour: twoDigit ? '2-digit' : 'numeric',
    minute: '2-digit',
    timeZone,
    hourCycle,
  });
}

/** Intl formatters for slot labels, built once per locale, zone and hour cycle. */
export function slotFormatters(locale: string, timeZone: string, hourCycle?: 'h12' | 'h23'): SlotFormatters {
  const time = clockFormat(locale, timeZone, hourCycle);
  const day = dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone });
  const minutes = numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  // A week re-renders as its rows come in and as the visitor moves: each slot's labels are formatted once.
  const labels = new WeakMap<Slot, readonly [string, string]>();
  return {
    key: `${locale}|${timeZone}|${hourCycle ?? ''}`,
    labels(slot) {
      let known = labels.get(slot);
      if (!known) {
        const at = new Date(slot.fullDatetime);
        const shown = time.format(at);
        known = [shown, `${day.format(at)}, ${shown}, ${minutes.format(slot.durationMinutes)}`];
        labels.set(slot, known);
      }
      return known;
    },
  };
}
