import type { PropertyDeclarations } from 'lit';
import { BookingElement } from './booking-element.js';
import { choiceStyles, groupName } from './choice-list.js';
import { catalogContext, consumer, selectionContext, type CatalogState, type Selection } from './contexts.js';

/**
 * Base of the steps that offer a choice from the catalog (branch, service, staff): they read the catalog, the
 * flow's selection and the display settings, and remember their own choice when no <booking-flow> keeps one.
 */
export class CatalogStep extends BookingElement {
  static override styles = [BookingElement.sharedStyles, choiceStyles];

  static override properties: PropertyDeclarations = { chosen: { state: true } };

  readonly #catalog = consumer(this, catalogContext);
  readonly #selection = consumer(this, selectionContext);
  /** The choice when no <booking-flow> keeps the selection. */
  protected chosen?: string;

  protected get catalog(): CatalogState | undefined {
    return this.#catalog.value;
  }

  protected get selection(): Selection | undefined {
    return this.#selection.value;
  }

  /** A radio-group name of this instance's own. */
  protected readonly name = groupName(this.localName);
}
