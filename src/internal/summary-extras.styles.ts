import { css } from 'lit';

/** Added to the summary's own styles when the chunk arrives. */
export const styles = css`
  .summary {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .summary > div {
    display: contents;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  @container (max-width: 30rem) {
    .summary {
      grid-template-columns: 1fr;
    }
  }
  .uid {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  /* Where there is room, what was chosen stays beside the form, in view while the visitor fills it in. */
  @container (min-width: 48rem) {
    section:has(> .summary) {
      display: grid;
      grid-template-columns: minmax(14rem, 1fr) minmax(0, 2fr);
      gap: 0 calc(var(--_space) * 3);
      align-items: start;
    }
    section > h2 {
      grid-column: 1 / -1;
    }
    section > .summary {
      position: sticky;
      top: var(--_space);
      grid-template-columns: 1fr;
    }
  }
  /* The confirmation reads like a receipt: a mark, what was booked in two columns, the reference under a rule. */
  .confirmation {
    max-width: 34rem;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .confirmation h2 {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .confirmation h2::before {
    /* Decorative: the heading says it (an engine without alt text for content keeps the first). */
    content: '✓';
    content: '✓' / '';
    display: grid;
    place-items: center;
    width: 1.6em;
    height: 1.6em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    font-size: var(--_text-sm);
  }
  .confirmation .summary {
    grid-template-columns: max-content 1fr;
    padding: calc(var(--_space) * 1.5) 0;
    border-block: 1px dashed var(--_border);
    border-radius: 0;
    background: none;
  }
  .confirmation dd {
    text-align: end;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    max-width: 32rem;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  label {
    font-weight: 600;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    min-height: 44px;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  input:user-invalid,
  textarea:user-invalid,
  select:user-invalid,
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .checking {
    margin: 0;
    color: var(--_muted);
  }
  button[type='submit'] {
    justify-self: start;
    min-height: 44px;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .group {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding: 0 calc(var(--_space) * 0.5);
    font-weight: 600;
  }
  .check {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-height: 44px;
    font-weight: normal;
  }
  .check input {
    min-height: auto;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check > span,
  .check > label {
    flex: 1 1 0;
    min-width: 0;
    font-weight: normal;
  }
  .check .hint,
  .check .field-error {
    flex-basis: 100%;
  }
  .hint,
  .meta {
    margin: 0;
    color: var(--_muted);
    font-weight: normal;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
  }
  .guest {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space);
  }
  .guest .field {
    flex: 1 1 12rem;
  }
  .guest .button,
  #add-guest {
    justify-self: start;
    min-height: 44px;
  }
  h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1em;
  }
  h3:focus {
    outline: none;
  }
  .hold {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
    margin: 0;
    color: var(--_muted);
  }
  .hold p {
    margin: 0;
  }
  .countdown {
    font-variant-numeric: tabular-nums;
  }
  .calendar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .calendar .label {
    flex-basis: 100%;
    font-weight: 600;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: inherit;
    text-decoration: none;
  }
  .actions .button {
    min-height: 44px;
  }
  .danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .cancel {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    max-width: 32rem;
    margin-top: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .cancel h3 {
    margin: 0;
  }
`;
