import { css, unsafeCSS } from 'lit';

/**
 * What `host` (the flow with a layout that shows steps) does: one step, the header and the footer. The step that
 * comes in rises into place, which says that it replaced the one before; not for a visitor who asks for less motion.
 */
const oneStep = (host: string) =>
  unsafeCSS(`
    ${host} :is(.step-header, .step-footer) { display: block; }
    @media (prefers-reduced-motion: no-preference) {
      ${host} .steps > [data-step='current'], ${host} ::slotted([data-step='current']) { animation: step-in 0.2s ease-out; }
    }
    ${host} .steps > theme-toggle { order: -1; }
    ${host} .steps > [data-step='other'], ${host} ::slotted([data-step='other']) { display: none; }
  `);

/** Added to the flow's styles when the layout arrives; `auto` shows steps in a container under 40rem. */
export const styles = css`
  .step-header,
  .step-footer {
    display: none;
  }
  @keyframes step-in {
    from {
      opacity: 0;
      translate: 0 0.5rem;
    }
  }
  ${oneStep(":host([layout='steps'])")}
  @container (max-width: 40rem) {
    ${oneStep(":host([layout='auto'])")}
  }
  /* The header stays in view while a long step (a week, the form) scrolls: where the visitor is, and the way back. */
  .step-header {
    position: sticky;
    top: 0;
    z-index: 1;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  nav {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }
  .back {
    grid-row: 1;
  }
  .step-title {
    grid-column: 2;
    display: grid;
    margin: 0;
    font-size: var(--_text-xl);
    line-height: 1.2;
  }
  .step-count {
    color: var(--_muted);
    font-size: var(--_text-xs);
    font-weight: 500;
    letter-spacing: 0.02em;
  }
  .chips {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    min-height: 32px;
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    font-size: var(--_text-sm);
  }
  .step-footer .button {
    width: 100%;
    min-height: 44px;
  }
`;
