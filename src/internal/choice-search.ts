import { css, html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Choice } from './choice-list.js';
import type { BookingStrings } from '../public/strings.js';

/** The words of the search over a long list of choices; a language module replaces them like any other word. */
export interface SearchStrings {
  /** The search field's label, e.g. "Search services" (`what` is the catalog part's word). */
  searchChoices: (what: string) => string;
  /** Said while the visitor types: how many of the list match. */
  choicesShown: (shown: number, total: number) => string;
}

export const searchEn: SearchStrings = {
  searchChoices: (what) => `Search ${what}`,
  choicesShown: (shown, total) => `${shown} of ${total} shown`,
};

/** The step it serves: a Lit element with its words. */
export type SearchHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Case and accents aside: "chloe" finds "Chloé". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A long list is compact: narrower columns, closer rows. */
const styles = css`
  .choices:has(> .search) {
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: 4px;
  }
  .choices:has(> .search) .choice {
    padding-block: calc(var(--_space) * 0.5);
  }
  .search {
    grid-column: 1 / -1;
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: calc(var(--_space) * 0.75) var(--_space);
    font: inherit;
    color: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .search:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/**
 * A search field over a list of more than a few choices (issue 19), loaded beside the bundle when a step first has
 * such a list. Every word typed must appear in a choice's label, detail or description; the chosen one always
 * stays in view. ArrowDown goes from the field to the list.
 */
export class ChoiceSearch {
  #query = '';

  constructor(
    private readonly host: SearchHost,
    private readonly words: () => BookingStrings,
  ) {
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    host.requestUpdate();
  }

  /** The choices that match what was typed, and the field (with its spoken count) to put above them. */
  render(choices: Choice[], selected: string | undefined, what: string): [Choice[], TemplateResult] {
    const t = { ...searchEn, ...this.words() };
    const words = fold(this.#query).split(/\s+/).filter(Boolean);
    const shown = choices.filter(
      (c) =>
        c.value === selected ||
        words.every((word) => fold(`${c.label} ${c.meta ?? ''} ${c.description ?? ''}`).includes(word)),
    );
    return [
      shown,
      html`<input
          class="search"
          part="search"
          type="search"
          aria-label=${t.searchChoices(what)}
          placeholder=${t.searchChoices(what)}
          .value=${this.#query}
          @input=${(e: InputEvent) => {
            this.#query = (e.target as HTMLInputElement).value;
            this.host.requestUpdate();
          }}
          @keydown=${this.#toList}
        />
        <p class="visually-hidden" role="status">
          ${words.length ? t.choicesShown(shown.length, choices.length) : ''}
        </p>`,
    ];
  }

  /** ArrowDown: into the list, on its chosen option or its first. */
  readonly #toList = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown') return;
    const radios = [...this.host.renderRoot.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
    e.preventDefault();
  };
}
