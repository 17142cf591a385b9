import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { BookingElement } from './booking-element.js';
import { choiceStyles, groupName } from './choice-list.js';
import {
  catalogContext,
  selectionContext,
  type CatalogState,
  type Selection,
} from './contexts.js';

/**
 * Base of the steps that offer a choice from the catalog (branch, service, staff): they read the catalog, the
 * flow's selection and the display settings, and remember their own choice when no <booking-flow> keeps one.
 */
export class CatalogStep extends BookingElement {
  static override styles = [BookingElement.sharedStyles, choiceStyles];

  @consume({ context: catalogContext, subscribe: true }) @state() protected catalog?: CatalogState;
  @consume({ context: selectionContext, subscribe: true }) @state() protected selection?: Selection;
  /** The choice when no <booking-flow> keeps the selection. */
  @state() protected chosen?: string;

  /** A radio-group name of this instance's own. */
  protected readonly name = groupName(this.localName);
}
