import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    justify-content: flex-end;
  }
  fieldset {
    display: inline-flex;
    margin: 0;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  label {
    position: relative;
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  label:has(input:checked) {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  label:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The native radio stays in the accessibility tree and keeps arrow-key behaviour; the label is its face. */
  input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
`;
