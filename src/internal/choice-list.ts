import { css, html, nothing, type TemplateResult } from 'lit';
import type { CatalogState } from './contexts.js';
import { errorText, type BookingStrings } from '../public/strings.js';

/** One radio option of a selector step. */
export interface Choice {
  value: string;
  label: string;
  meta?: string;
  description?: string;
  /** A picture beside the label (a staff member's avatar): decorative, the label names it. */
  image?: string;
}

let nextGroup = 0;
/** A unique radio-group name per selector instance, so two flows on a page never share a group. */
export function groupName(prefix: string): string {
  return `${prefix}-${++nextGroup}`;
}

/**
 * A native radio group: one tab stop, arrow keys move the choice, and screen readers announce
 * "n of m" without any ARIA of our own. `head` (a long list's search) goes above the options.
 */
export function renderChoices(
  legend: string,
  name: string,
  choices: Choice[],
  selected: string | undefined,
  onChoose: (value: string) => void,
  head?: unknown,
): TemplateResult {
  return html`
    <fieldset class="choices" part="group">
      <legend part="legend">${legend}</legend>
      ${head}
      ${choices.map((choice) => {
        const checked = choice.value === selected;
        return html`
          <label class="choice" part=${checked ? 'option selected' : 'option'}>
            <input
              type="radio"
              name=${name}
              .value=${choice.value}
              .checked=${checked}
              @change=${() => onChoose(choice.value)}
            />
            ${choice.image ? html`<img part="image" src=${choice.image} alt="" />` : nothing}
            <span class="choice-text">
              <span class="choice-label">${choice.label}</span>
              ${choice.meta ? html`<span class="choice-meta">${choice.meta}</span>` : nothing}
              ${choice.description ? html`<span class="choice-description">${choice.description}</span>` : nothing}
            </span>
          </label>
        `;
      })}
    </fieldset>
  `;
}

/** What a step shows while the catalog loads or after it failed; undefined once it is ready. */
export function renderCatalogStatus(
  state: CatalogState | undefined,
  t: BookingStrings,
  part: keyof BookingStrings['catalogParts'],
): TemplateResult | undefined {
  const what = t.catalogParts[part];
  if (!state || state.status === 'loading') {
    return html`<p class="status" part="status" aria-busy="true">${t.loading(what)}</p>`;
  }
  if (state.status === 'error') {
    return html`
      <div class="status error" part="status error" role="alert">
        <p>${t.couldNotLoad(what)} ${state.error ? errorText(t, state.error.code, state.error.message) : ''}</p>
        ${state.retry ? html`<button class="button" @click=${state.retry}>${t.retry}</button>` : nothing}
      </div>
    `;
  }
  return undefined;
}

export const choiceStyles = css`
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choices + .choices {
    margin-block-start: calc(var(--_space) * 2);
  }
  legend {
    padding: 0;
    margin-block-end: var(--_space);
    font-weight: 600;
    font-size: var(--_text-lg);
  }
  .choice {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  .choice:hover {
    border-color: var(--_accent);
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choice:has(input:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  input {
    margin: 0.2em 0 0;
    accent-color: var(--_accent);
    width: 1.1em;
    height: 1.1em;
  }
  input:focus-visible {
    outline: none;
  }
  img {
    width: 2.5em;
    height: 2.5em;
    border-radius: 50%;
    object-fit: cover;
  }
  .choice-text {
    display: grid;
    gap: 2px;
  }
  .choice-label {
    font-weight: 600;
  }
  .choice-meta,
  .choice-description {
    color: var(--_muted);
    font-size: var(--_text-sm);
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  .status.error {
    color: var(--_danger);
  }
`;
