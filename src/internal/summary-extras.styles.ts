import { css } from 'lit';

/** Added to the summary's own styles when the chunk arrives. */
export const styles = css`
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
