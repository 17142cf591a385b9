import { css } from 'lit';

/**
 * Public tokens (`--booking-*`) are only ever read, never declared, so a page can set them on any ancestor.
 * Each maps to a private alias with light and dark defaults; `color-scheme` picks between them.
 */
export const tokens = css`
  :host {
    --_bg: var(--booking-color-background, light-dark(#ffffff, #14171a));
    --_surface: var(--booking-color-surface, light-dark(#f3f5f8, #1f2328));
    --_text: var(--booking-color-text, light-dark(#1b1f24, #e8eaed));
    --_muted: var(--booking-color-text-muted, light-dark(#545d68, #a9b1ba));
    --_accent: var(--booking-color-accent, light-dark(#0b57d0, #8ab4f8));
    --_accent-text: var(--booking-color-accent-text, light-dark(#ffffff, #0b1a33));
    --_border: var(--booking-color-border, light-dark(#8a939d, #6b747e));
    --_danger: var(--booking-color-danger, light-dark(#b3261e, #f2b8b5));
    --_focus: var(--booking-color-focus-ring, light-dark(#0b57d0, #8ab4f8));
    --_radius: var(--booking-radius, 8px);
    --_space: var(--booking-spacing, 8px);
    --_font: var(--booking-font-family, inherit);
    --_font-size: var(--booking-font-size, 1rem);
    /* The type scale: each size is the one below it times the scale. */
    --_scale: var(--booking-type-scale, 1.125);
    --_text-sm: calc(var(--_font-size) / var(--_scale));
    --_text-xs: calc(var(--_text-sm) / var(--_scale));
    --_text-lg: calc(var(--_font-size) * var(--_scale));
    --_text-xl: calc(var(--_text-lg) * var(--_scale));
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
`;

export const reset = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button {
    font: inherit;
    color: inherit;
    min-height: 24px;
    cursor: pointer;
  }
  /* States: hover shows the accent's edge; a disabled button fades. */
  button:hover:enabled {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /*
   * No border: nothing with one of its own wears this class. The host's font: a heading's own size and weight
   * would cost the first frame a font lookup (a synchronous call to the browser) for text no one sees.
   */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    font: inherit;
  }
  .button {
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      /* One short run: an endless one (the skeleton's pulse) would flicker at this speed. */
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
