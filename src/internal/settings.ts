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

/** Right-to-left scripts of living languages (Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya). */
const RTL_SCRIPTS = /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg)$/;

/** Whether `locale` (a tag Intl accepts: settings' own) is written right to left, from its likely script. */
export function localeIsRtl(locale: string): boolean {
  return RTL_SCRIPTS.test(new Intl.Locale(locale).maximize().script ?? '');
}

/** The first of `tags` that Intl accepts ("en_US" or a POSIX "C" would make every formatter throw), else "en". */
const usableLocale = (...tags: (string | null | undefined)[]): string =>
  tags.find((tag) => {
    try {
      return tag && Intl.getCanonicalLocales(tag);
    } catch {
      return false; // not a language tag: the next one
    }
  }) ?? 'en';

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
  // The attribute, then the page around `host` (its nearest `lang`), then the browser.
  const locale = usableLocale(attributes.locale, host.closest('[lang]')?.getAttribute('lang'), navigator.language);
  const named = DAY_NAMES.indexOf(attributes.weekStartsOn?.toLowerCase() as DayName);
  return {
    locale,
    timeZone: attributes.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone,
    weekStartsOn: named >= 0 ? (named as WeekdayIndex) : localeWeekStart(locale),
    hourCycle: attributes.hourCycle,
    theme: attributes.theme,
    strings: stringsFor(locale, attributes.strings),
    // The attribute, even empty, wins over the page's address.
    rescheduleUid: attributes.rescheduleUid ?? new URLSearchParams(location.search).get('reschedule') ?? undefined,
    prefill: attributes.prefill,
    prefillFromUrl: attributes.prefillFromUrl,
  };
}
