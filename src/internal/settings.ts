import { DAY_NAMES, type DayName, type WeekdayIndex } from '../model/dates.js';
import type { Theme } from '../public/events.js';
import type { Prefill } from '../public/prefill.js';
import type { DisplaySettings } from './contexts.js';
import { stringsFor, type BookingStrings } from '../public/strings.js';

interface WeekInfoLocale extends Intl.Locale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** The locale's first day of the week (Intl's 1..7 = Monday..Sunday), Monday when the runtime cannot tell. */
export function localeWeekStart(locale: string): WeekdayIndex {
  try {
    const loc = new Intl.Locale(locale) as WeekInfoLocale;
    const firstDay = (loc.getWeekInfo?.() ?? loc.weekInfo)?.firstDay ?? 1;
    return (firstDay % 7) as WeekdayIndex;
  } catch {
    return 1;
  }
}

/** The language of the page around `host` (its nearest `lang`), else the browser's. */
export function pageLocale(host: Element): string {
  return host.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
}

/** What a page may set on a <booking-flow>: its attributes (and `strings`) that decide how things are shown. */
export interface SettingsAttributes {
  locale?: string;
  timeZone?: string;
  weekStartsOn?: string;
  hourCycle?: 'h12' | 'h23';
  theme?: Theme;
  strings?: Partial<BookingStrings>;
  rescheduleUid?: string;
  prefill?: Prefill;
  prefillFromUrl?: boolean;
}

/**
 * How to show dates, times and words: what the attributes say, then the page around `host` (its `lang`), then the
 * browser (its zone, the locale's first day of the week). An element on its own uses it with no attributes.
 */
export function resolveSettings(host: Element, attributes: SettingsAttributes = {}): DisplaySettings {
  const locale = attributes.locale || pageLocale(host);
  const named = DAY_NAMES.indexOf(attributes.weekStartsOn?.toLowerCase() as DayName);
  return {
    locale,
    timeZone: attributes.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone,
    weekStartsOn: named >= 0 ? (named as WeekdayIndex) : localeWeekStart(locale),
    hourCycle: attributes.hourCycle,
    theme: attributes.theme,
    strings: stringsFor(locale, attributes.strings),
    rescheduleUid: attributes.rescheduleUid,
    prefill: attributes.prefill,
    prefillFromUrl: attributes.prefillFromUrl,
  };
}
