import type { BookingStrings } from './strings.js';

/**
 * The languages on the page, shared by every copy of the elements through one global (a Symbol.for key): a locale
 * module adds its words here without importing the bundle, so it works wherever its file is placed, and registers
 * into whichever copy of the bundle the page has, loaded before or after it.
 */
const KEY = Symbol.for('booking-flow.languages');

/** Said on the page's global (window) when a language's words arrive. */
export const LANGUAGE_EVENT = 'booking-flow-language';

export function pageLanguages(): Map<string, Partial<BookingStrings>> {
  const page = globalThis as unknown as Record<symbol, Map<string, Partial<BookingStrings>> | undefined>;
  return (page[KEY] ??= new Map<string, Partial<BookingStrings>>());
}

/** Adds a language's words (`de`, `fr`, ...) and tells the elements already shown. */
export function addLanguage(language: string, strings: Partial<BookingStrings>): void {
  pageLanguages().set(language.toLowerCase(), strings);
  globalThis.dispatchEvent?.(new Event(LANGUAGE_EVENT));
}
