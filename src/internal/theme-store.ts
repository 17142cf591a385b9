import type { Theme } from '../public/events.js';

const KEY = 'booking-flow:theme';
const THEMES: readonly string[] = ['light', 'dark', 'auto'];

/** The visitor's remembered theme, if any (storage can be blocked, e.g. in a sandboxed iframe). */
export function readStoredTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return value !== null && THEMES.includes(value) ? (value as Theme) : undefined;
  } catch {
    return undefined;
  }
}

export function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered, still applied.
  }
}
