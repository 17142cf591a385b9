import { css } from 'lit';

export const styles = css`
  :host {
    container-type: inline-size;
    color: var(--_text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([theme]) {
    background: var(--_bg);
  }
  .steps {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .notice {
    margin: 0 0 calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
`;
