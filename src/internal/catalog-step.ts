import { consume } from '@lit/context';
import { state } from 'lit/decorators.js';
import { BookingElement } from './booking-element.js';
import { choiceStyles, groupName } from './choice-list.js';
import {
  catalogContext,
  selectionContext,
  settingsContext,
  type CatalogState,
  type DisplaySettings,
  type Selection,
} from './contexts.js';
import { defaultSettings } from './settings.js';

/**
 * Base of the steps that offer a choice from the catalog (branch, service, staff): they read the catalog, the
 * flow's selection and the display settings, and remember their own choice when no <booking-flow> keeps one.
 */
export class CatalogStep extends BookingElement {
  static override styles = [BookingElement.sharedStyles, choiceStyles];

  @consume({ context: catalogContext, subscribe: true }) @state() protected catalog?: CatalogState;
  @consume({ context: selectionContext, subscribe: true }) @state() protected selection?: Selection;
  @consume({ context: settingsContext, subscribe: true }) @state() protected settings?: DisplaySettings;
  /** The choice when no <booking-flow> keeps the selection. */
  @state() protected chosen?: string;

  /** A radio-group name of this instance's own. */
  protected readonly name = groupName(this.localName);

  protected get displaySettings(): DisplaySettings {
    return this.settings ?? defaultSettings(this);
  }
}
