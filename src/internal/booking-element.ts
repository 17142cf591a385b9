import { LitElement, type CSSResultGroup } from 'lit';
import { consumer, settingsContext, type DisplaySettings } from './contexts.js';
import { resolveSettings } from './settings.js';
import { reset, tokens } from './shared.styles.js';
import { LANGUAGE_EVENT } from '../public/language-registry.js';
import type { BookingStrings } from '../public/strings.js';

/**
 * Base of every booking-flow element: shared tokens and reset, and how to show dates, times and words.
 *
 * Elements declare reactive properties in `static properties` (public API with attributes; internal state as
 * `state: true` on TS-private fields) and follow contexts with ContextConsumer/ContextProvider controllers rather
 * than Lit's decorators: the decorators' runtime and the decorate calls cost 0.55 KB gzip of a 20 KB budget.
 */
export class BookingElement extends LitElement {
  static sharedStyles: CSSResultGroup = [tokens, reset];

  readonly #flowSettings = consumer(this, settingsContext);
  #pageSettings?: DisplaySettings;
  readonly #onStrings = () => this.stringsChanged();

  /** The settings of the <booking-flow> around this element, if any. */
  protected get flowSettings(): DisplaySettings | undefined {
    return this.#flowSettings.value;
  }

  /** The flow's settings, or for an element on its own the page's language and the browser's time zone. */
  protected get settings(): DisplaySettings {
    return this.flowSettings ?? (this.#pageSettings ??= resolveSettings(this));
  }

  /** The words to show. */
  protected get t(): BookingStrings {
    return this.settings.strings;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    globalThis.addEventListener(LANGUAGE_EVENT, this.#onStrings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    globalThis.removeEventListener(LANGUAGE_EVENT, this.#onStrings);
  }

  /** A language was registered after this element rendered: render again, in case it is this element's. */
  protected stringsChanged(): void {
    this.#pageSettings = undefined;
    this.requestUpdate();
  }
}
