import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    --_calendar-height: var(--booking-calendar-height, 32rem);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  .week-label {
    margin: 0;
    font-weight: 600;
    min-width: 12ch;
    text-align: center;
  }
  .nav {
    min-width: 44px;
    min-height: 44px;
    font-size: 1.25em;
    line-height: 1;
  }
  /* In a narrow container the select goes below its label. */
  .zone {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin-inline-start: auto;
    color: var(--_muted);
  }
  .zone select {
    font: inherit;
    color: var(--_text);
    min-height: 44px;
    /* Its width with every zone listed, which come only when a visitor reaches for it: nothing moves then. */
    width: 14rem;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  /* Loading, loaded, empty and error states share one fixed box: nothing below moves when a week comes in. */
  .body {
    position: relative;
    height: var(--_calendar-height);
  }
  .body.unsized {
    height: auto;
  }
  .body:focus {
    outline: none;
  }
  .calendar {
    height: 100%;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .skeleton {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: var(--_space);
    height: 100%;
    overflow: hidden;
  }
  /* The calendar's day-strip width (hourly-calendar.styles.ts). */
  @container (max-width: 640px) {
    :host {
      --_calendar-height: var(--booking-calendar-height, 28rem);
    }
    /* The week's dates on a row of their own, above its buttons: never a button wrapped away from the others. */
    .week-label {
      order: -1;
      flex-basis: 100%;
      text-align: start;
    }
    .skeleton {
      grid-template-columns: 1fr;
    }
    .skeleton-day:not(:first-of-type) {
      display: none;
    }
  }
  .skeleton-day {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .skeleton-day span {
    display: block;
    height: 2rem;
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_text) 10%, transparent);
  }
  /* Only a load that takes a while pulses (week-load.ts, SLOW_LOAD_MS). */
  .pulse span {
    animation: pulse 1.2s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }
  .error,
  .empty,
  .prompt {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .prompt,
  .stale {
    margin: 0;
    color: var(--_muted);
  }
  .stale {
    margin-block-end: var(--_space);
    font-size: var(--_text-sm);
  }
  .error {
    border: 1px solid var(--_danger);
  }
  .error strong {
    color: var(--_danger);
  }
  .error p,
  .empty p {
    margin: 0 0 var(--_space);
  }
`;
