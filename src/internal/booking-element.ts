import { LitElement, type CSSResultGroup } from 'lit';
import { reset, tokens } from './shared.styles.js';
import { stringsRegistry } from './strings.js';

/** Base of every booking-flow element: shared tokens and reset ahead of the element's own styles. */
export class BookingElement extends LitElement {
  static sharedStyles: CSSResultGroup = [tokens, reset];

  readonly #onStrings = () => this.stringsChanged();

  override connectedCallback(): void {
    super.connectedCallback();
    stringsRegistry.addEventListener('change', this.#onStrings);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    stringsRegistry.removeEventListener('change', this.#onStrings);
  }

  /** A language was registered after this element rendered: render again, in case it is this element's. */
  protected stringsChanged(): void {
    this.requestUpdate();
  }
}
