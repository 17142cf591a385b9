import { LitElement, type CSSResultGroup } from 'lit';
import { reset, tokens } from './shared.styles.js';

/** Base of every booking-flow element: shared tokens and reset ahead of the element's own styles. */
export class BookingElement extends LitElement {
  static sharedStyles: CSSResultGroup = [tokens, reset];
}
