import { css } from 'lit';

export const styles = css`
  .week {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr));
    gap: var(--_space);
  }
  .day {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  :host::part(day today) {
    outline: 2px solid var(--_accent);
  }
  .day-label {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 0.95em;
    font-weight: 600;
  }
  .today {
    font-weight: 400;
    color: var(--_muted);
  }
  .no-slots {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .hour {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .slot {
    flex: 1 1 4.5rem;
    min-height: 44px;
    padding: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_bg);
    font-variant-numeric: tabular-nums;
  }
  .slot:hover {
    border-color: var(--_accent);
  }
  .slot[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }
`;
