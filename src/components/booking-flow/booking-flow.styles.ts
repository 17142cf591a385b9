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
`;
