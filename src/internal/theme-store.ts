import type { Theme } from '../public/events.js';

const KEY = 'booking-flow:theme';
/** The themes, in the order a toggle offers them. */
export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** The visitor's remembered theme, if any (storage can be blocked, e.g. in a sandboxed iframe). */
export function readStoredTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return THEMES.find((theme) => theme === value);
  } catch {
    // Not remembered: the page's theme applies.
  }
}

export function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
}
