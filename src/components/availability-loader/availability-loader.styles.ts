import { css } from 'lit';

export const styles = css`
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
  .zone {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    margin-inline-start: auto;
    color: var(--_muted);
  }
  .zone select {
    font: inherit;
    color: var(--_text);
    min-height: 44px;
    max-width: 14rem;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .body {
    position: relative;
    min-height: 12rem;
  }
  .skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(6rem, 1fr));
    gap: var(--_space);
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
  .prompt {
    margin: 0;
    color: var(--_muted);
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
