import { css } from 'lit';

export const styles = css`
  h2 {
    margin: 0 0 var(--_space);
    font-size: var(--_text-lg);
  }
  /* Focus is moved here for screen readers when the step begins; a ring would only distract. */
  h2:focus {
    outline: none;
  }
  /* The form's errors, and the form's own chunk failing to load (before the chunk's styles are in). */
  .error {
    display: grid;
    gap: var(--_space);
    justify-items: start;
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  .error p {
    margin: 0;
  }
  .prompt {
    margin: 0;
    color: var(--_muted);
  }
`;
