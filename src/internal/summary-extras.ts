import type { ReactiveControllerHost } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';
import { book, newIdempotencyKey, type BookingRequest } from '../api/booking-calls.js';
import type { Catalog, ConfirmedBooking } from '../api/schemas.js';
import type { DisplaySettings, Selection } from './contexts.js';
import { HoldKeeper } from './hold-keeper.js';
import { ManagePanel } from './manage-panel.js';
import { manageEn, type ManageStrings } from './manage-strings.js';
import { styles } from './summary-extras.styles.js';

/** The <booking-summary> these serve: a Lit element with its client. */
export type ExtrasHost = ReactiveControllerHost &
  HTMLElement & { client?: AvailabilityClient; readonly renderRoot: HTMLElement | DocumentFragment };

/** What the summary shares with them: its choice, settings and catalog, and a way back to an empty form. */
export interface SummaryAccess {
  chosen(): Selection;
  settings(): DisplaySettings;
  catalog(): Catalog | undefined;
  reset(): void;
}

export interface SummaryView extends SummaryAccess {
  /** The words of this chunk, in the flow's language where it has them. */
  words(): ManageStrings;
}

/**
 * What follows a chosen time, loaded beside the bundle (this module is the chunk's entry): the hold on the time,
 * the booking call, and after a booking the calendar links and the change and cancel actions.
 */
export class SummaryExtras {
  readonly #hold: HoldKeeper;
  readonly #panel: ManagePanel;
  /** The last submission and its Idempotency-Key: the same details sent again reuse the key. */
  #attempt?: { request: string; key: string };

  constructor(host: ExtrasHost, access: SummaryAccess) {
    const view: SummaryView = { ...access, words: () => ({ ...manageEn, ...access.settings().strings }) };
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    this.#hold = new HoldKeeper(host, view);
    this.#panel = new ManagePanel(host, view, this.#hold);
    host.addEventListener('booking-confirmed', () => this.#hold.booked());
    host.requestUpdate();
  }

  /** How long the time is held, or why it is not (any more). */
  holdStatus() {
    return this.#hold.render();
  }

  /** The change-or-cancel panel, or undefined when no booking is being changed. */
  render() {
    return this.#panel.render();
  }

  /** Below a confirmation: add to calendar, change, cancel. */
  afterBooking(booking: ConfirmedBooking) {
    return this.#panel.actions(booking);
  }

  /**
   * Books, with the hold on the time while it lasts, exactly once per submission: the same details sent again (the
   * hold aside) reuse the Idempotency-Key.
   */
  book(
    client: AvailabilityClient,
    request: BookingRequest,
    signal: AbortSignal,
    onUnconfirmed: () => void,
  ): Promise<ConfirmedBooking> {
    const sent = JSON.stringify(request);
    if (this.#attempt?.request !== sent) this.#attempt = { request: sent, key: newIdempotencyKey() };
    const held = { ...request, hold: this.#hold.uid };
    return book(client, held, { signal, idempotencyKey: this.#attempt.key, onUnconfirmed });
  }
}
