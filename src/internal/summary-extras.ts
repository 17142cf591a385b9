import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';
import { book, newIdempotencyKey, type BookingRequest } from '../api/booking-calls.js';
import type { Catalog, ConfirmedBooking } from '../api/schemas.js';
import { consumer, type DisplaySettings, type Selection } from './contexts.js';
import { focusContext } from './focus-handover.js';
import { HoldKeeper } from './hold-keeper.js';
import { ManagePanel } from './manage-panel.js';
import { manageEn, type ManageStrings } from './manage-strings.js';
import { BookingForm, type FormState } from './booking-form.js';
import { formEn, type FormStrings } from './form-strings.js';
import type { Prefill } from '../public/prefill.js';
import type { BookingStrings } from '../public/strings.js';
import { bookingRows, summaryList } from './summary-text.js';
import { styles } from './summary-extras.styles.js';

/** The <booking-summary> these serve: a Lit element with its client and its own prefill. */
export type ExtrasHost = ReactiveControllerHost &
  HTMLElement & {
    client?: AvailabilityClient;
    prefill?: Prefill;
    prefillFromUrl?: boolean;
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly updateComplete: Promise<boolean>;
  };

/** What the summary shares with them: its choice, settings and catalog, and a way back to an empty form. */
export interface SummaryAccess {
  chosen(): Selection;
  settings(): DisplaySettings;
  catalog(): Catalog | undefined;
  reset(): void;
  /** Books what the form says. */
  submit(request: BookingRequest): void;
}

export interface SummaryView extends SummaryAccess {
  /** The words of the flow's language, with this chunk's own (English where the language has none). */
  words(): BookingStrings & ManageStrings & FormStrings;
}

/**
 * What follows a chosen time, loaded beside the bundle (this module is the chunk's entry): the hold on the time,
 * the booking call, and after a booking the calendar links and the change and cancel actions.
 */
export class SummaryExtras {
  readonly #hold: HoldKeeper;
  readonly #panel: ManagePanel;
  readonly #form: BookingForm;
  readonly #view: SummaryView;
  /** The last submission and its Idempotency-Key: the same details sent again reuse the key. */
  #attempt?: { request: string; key: string };
  /** The chosen time, once a week loaded again without it (someone else booked it meanwhile). */
  #gone?: string;

  constructor(host: ExtrasHost, access: SummaryAccess) {
    const handover = consumer(host, focusContext);
    const view: SummaryView = (this.#view = {
      ...access,
      // Another booking starts at the week: focus goes there (in steps, that step shows first).
      reset: () => {
        access.reset();
        handover.value?.focus('calendar');
      },
      words: () => ({ ...manageEn, ...formEn, ...access.settings().strings }),
    });
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    this.#hold = new HoldKeeper(host, view);
    this.#form = new BookingForm(host, view);
    this.#panel = new ManagePanel(host, view, this.#hold);
    host.addEventListener('booking-confirmed', () => this.#hold.booked());
    // The loaders beside the summary (in the same flow, or on the page) tell what the weeks hold now.
    let loadersRoot: Node | undefined;
    const weekLoaded = (event: Event): void => {
      const week = JSON.stringify((event as HTMLElementEventMap['availability-loaded']).detail);
      const slot = access.chosen().slot;
      // A week with the chosen time's day says whether that time is still free: gone, or back again (the other
      // booking was cancelled), when the visitor may send it after all.
      if (slot && week.includes(`"${slot.date}"`)) {
        const gone = week.includes(`"${slot.fullDatetime}"`) ? undefined : slot.fullDatetime;
        if (gone !== this.#gone) {
          this.#gone = gone;
          host.requestUpdate();
        }
      }
    };
    host.addController({
      hostConnected: () => (loadersRoot = host.getRootNode()).addEventListener('availability-loaded', weekLoaded),
      hostDisconnected: () => loadersRoot?.removeEventListener('availability-loaded', weekLoaded),
    });
    host.requestUpdate();
  }

  /** How long the time is held, or why it is not (any more). */
  holdStatus() {
    return this.#hold.render();
  }

  /**
   * The booking form, with the hold's status above its button; a chosen time that a week loaded since no longer
   * offers is said before the visitor sends it.
   */
  form(state: FormState) {
    // No time chosen is no time taken: a failure shown then (the visitor moved on from it) stays what it was.
    if (this.#gone && this.#view.chosen().slot?.fullDatetime === this.#gone)
      state = { ...state, disabled: true, failed: { code: 'slot_unavailable', message: this.#view.words().slotTaken } };
    return this.#form.render(state, this.#hold.render());
  }

  /** Back to the form for another booking: the same visitor, new notes. */
  resetForm(): void {
    this.#form.reset();
  }

  /** The change-or-cancel panel, or undefined when no booking is being changed. */
  render() {
    return this.#panel.render();
  }

  /** What was chosen (or, given a booking, what was booked): place, service, staff, date and time. */
  chosenRows(booking?: ConfirmedBooking, extra?: unknown) {
    const view = this.#view;
    const rows = bookingRows({
      catalog: view.catalog(),
      selection: view.chosen(),
      settings: view.settings(),
      start: booking?.start,
      end: booking?.end,
      staff: booking?.staff,
    });
    return summaryList(rows, extra);
  }

  /**
   * The confirmation: what was booked and its reference; that it awaits the business's confirmation when it does;
   * add to calendar, change, cancel, and another booking.
   */
  confirmation(booking: ConfirmedBooking) {
    const view = this.#view;
    const t = view.words();
    return html`
      <section class="confirmation" part="confirmation" aria-labelledby="confirmed" role="status">
        <h2 id="confirmed" tabindex="-1">${booking.status === 'pending' ? t.requested : t.confirmed}</h2>
        ${this.chosenRows(
          booking,
          html`<div>
            <dt>${t.reference}</dt>
            <dd class="uid">${booking.uid}</dd>
          </div>`,
        )}
        ${booking.status === 'pending' ? html`<p class="pending" part="pending">${t.awaitingConfirmation}</p>` : nothing}
        ${this.#panel.actions(booking)}
        <button class="button" @click=${view.reset}>${t.bookAnother}</button>
      </section>
    `;
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
    return book(client, held, { signal, idempotencyKey: this.#attempt.key, onUnconfirmed }).catch((error: unknown) => {
      this.#form.failed(error);
      throw error;
    });
  }
}
