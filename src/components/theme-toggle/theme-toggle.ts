import { html, type PropertyDeclarations } from 'lit';
import { BookingElement } from '../../internal/booking-element.js';
import { emit, type Theme } from '../../public/events.js';
import { THEMES, readStoredTheme, storeTheme } from '../../internal/theme-store.js';
import { styles } from './theme-toggle.styles.js';

/**
 * Switches between light, dark and automatic (system) colours. The choice is remembered in localStorage and
 * announced with `theme-changed`, which `<booking-flow>` applies; a remembered choice is announced again once the
 * toggle has rendered (in a flow, before its first screen is shown). Only the toggle reads and writes that memory:
 * without a toggle, the page's theme applies.
 *
 * @summary Light, dark or automatic theme.
 * @tag theme-toggle
 *
 * @fires {CustomEvent<{ theme: 'light' | 'dark' | 'auto' }>} theme-changed - The visitor chose a theme.
 *
 * @csspart group - The fieldset around the choices.
 * @csspart option - One choice; also `selected` on the current one.
 *
 * @cssprop [--booking-color-accent] - Background of the current choice.
 * @cssprop [--booking-color-accent-text] - Text of the current choice.
 */
export class ThemeToggle extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  static override properties: PropertyDeclarations = { chosen: { state: true } };

  /** The visitor's remembered choice: only a rendered toggle applies it (the flow's theme attribute wins otherwise). */
  readonly #stored = readStoredTheme();

  private chosen: Theme = this.#stored ?? 'auto';

  protected override firstUpdated(): void {
    // Told once this toggle has rendered (a flow renders it in a task of its own, out of sight until its first screen
    // is whole), not while the flow around it is still rendering it.
    const stored = this.#stored;
    if (stored && this.flowSettings && this.flowSettings.theme !== stored)
      emit(this, 'theme-changed', { theme: stored });
  }

  get #current(): Theme {
    return this.flowSettings?.theme ?? this.chosen;
  }

  #choose(theme: Theme): void {
    this.chosen = theme;
    storeTheme(theme);
    emit(this, 'theme-changed', { theme });
  }

  protected override render() {
    const t = this.t;
    return html`
      <fieldset part="group">
        <legend class="visually-hidden">${t.themeLegend}</legend>
        ${THEMES.map((value) => {
          const checked = value === this.#current;
          return html`
            <label part=${checked ? 'option selected' : 'option'}>
              <input
                type="radio"
                name="theme"
                .value=${value}
                .checked=${checked}
                @change=${() => this.#choose(value)}
              />
              ${t.themes[value]}
            </label>
          `;
        })}
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'theme-toggle': ThemeToggle;
  }
}
