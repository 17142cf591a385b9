import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.15em;
  }
  /* Focus is moved here for screen readers when the step begins; a ring would only distract. */
  h2:focus {
    outline: none;
  }
  .prompt {
    margin: 0;
    color: var(--_muted);
  }
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
`;
