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
  .prompt {
    margin: 0;
    color: var(--_muted);
  }
`;
