import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: var(--_space);
  }
  .day {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 0;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  :host::part(day today) {
    outline: 2px solid var(--_accent);
  }
  .day-label {
    margin: 0;
    font-size: var(--_text-sm);
    font-weight: 600;
  }
  .today {
    font-weight: 400;
    color: var(--_muted);
  }
  .busy {
    margin: 0 0 calc(var(--_space) / 2);
    color: var(--_muted);
    font-size: var(--_text-sm);
  }
  .period {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .period + .period {
    margin-block-start: var(--_space);
  }
  /* Small, quiet headings: the times are what the eye looks for. */
  .period-label {
    flex-basis: 100%;
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_muted);
    font-size: var(--_text-xs);
  }
  .slot {
    flex: 1 1 4.5rem;
    min-width: 0;
    min-height: 44px;
    padding: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_bg);
    font-variant-numeric: tabular-nums;
  }
  .slot[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
  .strip {
    display: none;
  }
  .meter {
    display: block;
    height: 4px;
    border-radius: 2px;
    background: var(--_border);
  }
  /* A block, not a gradient: it fills from the reading start, the right under dir="rtl". */
  .meter.few::before {
    content: '';
    display: block;
    inline-size: 35%;
    block-size: 100%;
    border-radius: inherit;
    background: var(--_accent);
  }
  .meter.many {
    background: var(--_accent);
  }

  /*
   * Seven columns while each can hold a time button (about 5rem); narrower, a strip of days and the shown day's
   * times below it. Never columns that wrap: a wrapped day sits below the others' long lists, out of sight.
   */
  @container (max-width: 640px) {
    .strip {
      display: grid;
      grid-template-columns: repeat(7, minmax(0, 1fr));
      gap: 2px;
      margin-block-end: var(--_space);
    }
    .strip-day {
      display: grid;
      gap: 4px;
      min-width: 0;
      min-height: 44px;
      /* No inline padding: at 320px in a phone frame a day is 30px wide, and "Wed" needs 27px of it. */
      padding: 4px 0;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) / 1.5);
      background: var(--_bg);
      font-size: var(--_text-xs);
      line-height: 1.15;
      /* A line for each word ("Mon", "23"): every day's label breaks alike, whatever the width. */
      word-spacing: 9em;
    }
    .strip-day[aria-pressed='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
      font-weight: 600;
    }
    .week {
      display: block;
    }
    .day:not(.shown) {
      display: none;
    }
    .period {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr));
    }
  }
`;
