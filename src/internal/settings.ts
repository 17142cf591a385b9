import type { WeekdayIndex } from '../model/dates.js';
import type { DisplaySettings } from './contexts.js';
import { stringsFor } from '../public/strings.js';

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

/** Settings for an element with no <booking-flow> around it: the page's language and the browser's zone. */
export function defaultSettings(host: Element): DisplaySettings {
  const locale = pageLocale(host);
  return {
    locale,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    weekStartsOn: localeWeekStart(locale),
    strings: stringsFor(locale),
  };
}
