import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { AvailabilityClient } from '../../api/availability-client.js';
import type { BookingRequest } from '../../api/booking-calls.js';
import { BookingApiError, isAbortError, noClientError } from '../../api/errors.js';
import { BookingElement } from '../../internal/booking-element.js';
import { catalogContext, clientContext, consumer, type Selection } from '../../internal/contexts.js';
import { emit, type ErrorDetail } from '../../public/events.js';
import { idle } from '../../api/idle.js';
import { FocusTarget } from '../../internal/focus-handover.js';
import { ChosenSelection } from '../../internal/chosen.js';
import { messageFor } from '../../internal/booking-message.js';
import type { SummaryExtras } from '../../internal/summary-extras.js';
import type { Prefill } from '../../public/prefill.js';
import { styles } from './booking-summary.styles.js';

/**
 * Sums up the chosen branch, service, staff and time, asks for the visitor's details (and what the service asks:
 * its questions, where, guests; `prefill` fills them in) and books the time through the proxy. A failed booking keeps everything typed; a time taken meanwhile is said plainly and the flow
 * reloads that week. Each submission carries an Idempotency-Key, the same when the visitor sends the same
 * details again, so a retry after a lost answer never books twice; while the booking service has not confirmed,
 * the summary says it is checking instead of inviting a second booking. When a week loaded again (a change
 * heard live) no longer offers the chosen time, the summary says so at once and disables Confirm, keeping the form.
 *
 * A chosen time is held for the visitor (POST /holds) while they fill in the form, with the hold's end shown, and
 * let go when they choose another time or leave. The confirmation offers the booking for a calendar (.ics, Google,
 * Outlook) and to change or cancel it; with `reschedule-uid` on the flow (or `?reschedule=` on the page) the summary
 * opens on an existing booking to move or cancel it. That part loads as a chunk beside the bundle.
 *
 * @summary Review the choice, enter your details, confirm.
 * @tag booking-summary
 *
 * @fires {CustomEvent<{ booking: { uid: string, start: string, end: string, status: string, service: string, staff: string | null } }>} booking-confirmed - The booking was made; `status` is `pending` when the business still has to confirm it.
 * @fires {CustomEvent<{ error: { code: string, message: string } }>} booking-failed - The booking (or a move) was not made; `code` is `slot_unavailable` when the time was just taken or someone else holds it, `booking_unconfirmed` when the booking service has not confirmed it yet (sending again checks, it never books twice).
 * @fires {CustomEvent<{ booking: { uid: string, start: string, end: string, status: string, service: string, staff: string | null }, previousUid: string }>} booking-rescheduled - A booking was moved; `booking` is the new one, `previousUid` the one it replaced.
 * @fires {CustomEvent<{ uid: string }>} booking-cancelled - A booking was cancelled.
 * @fires {CustomEvent<{ branchId: string, branch: Branch }>} branch-selected - A booking opened for a change chose its branch.
 * @fires {CustomEvent<{ serviceId: string, service: Service }>} service-selected - A booking opened for a change chose its service.
 * @fires {CustomEvent<{ staffId: string | null, staff: Staff | null }>} staff-selected - A booking opened for a change chose its staff (null when it was booked with anyone available).
 *
 * @csspart summary - The list of what was chosen.
 * @csspart form - The attendee form.
 * @csspart field - One label and its input; also `group` on a fieldset of choices (where, a question's options, `guests`).
 * @csspart input - Each input, select and textarea.
 * @csspart hint - A question's hint, and the guest limit, read with its control.
 * @csspart field-error - The proxy's message about one field, under it and read with it.
 * @csspart pending - On a booking the business still has to confirm: that the request was sent.
 * @csspart confirm-button - The button that books.
 * @csspart error - The message after a failed booking.
 * @csspart checking - The message while the booking service has not confirmed the booking yet.
 * @csspart confirmation - The panel shown once the booking is made.
 * @csspart prompt - The message shown before a time is chosen.
 * @csspart hold - How long the chosen time is held, or that the hold has ended.
 * @csspart calendar - "Add to calendar" on a confirmation.
 * @csspart calendar-link - The .ics file, Google Calendar and Outlook.com links.
 * @csspart change-button - "Change" on a confirmation.
 * @csspart cancel-button - "Cancel booking", on a confirmation and while changing a booking.
 * @csspart cancel - The question before a booking is cancelled, with its optional reason.
 * @csspart confirm-cancel-button - The button that cancels.
 *
 * @cssprop [--booking-color-accent] - Confirm button background.
 * @cssprop [--booking-color-danger] - Error text and border; the cancel question's border and button.
 * @cssprop [--booking-color-surface] - Summary and confirmation background.
 */
export class BookingSummary extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    prefill: { type: Object },
    prefillFromUrl: { attribute: 'prefill-from-url', type: Boolean },
    checking: { state: true },
  };

  /** The client to use when no `<booking-flow>` provides one. */
  client?: AvailabilityClient;

  readonly #catalog = consumer(this, catalogContext);
  readonly #selection = new ChosenSelection(this);

  /** What the form starts with, over the flow's `prefill`; see <booking-flow>. */
  prefill?: Prefill;

  /** Opt-in: the page's query parameters fill the form (see <booking-flow>); the flow's attribute otherwise. */
  prefillFromUrl?: boolean;

  /** The booking service has not confirmed yet and the client is asking again. */
  private checking = false;
  #lastSlot?: string;
  /** Set when a booking was made: focus goes to the confirmation once it is shown. */
  #focusConfirmation = false;
  /**
   * What follows a chosen time (the hold, the booking call, calendar links, change and cancel): a chunk beside the
   * bundle, asked for as the element is made, so that it is there by the time a visitor picks a time.
   */
  #extras?: SummaryExtras;
  /** The chunk did not load (offline, or a deploy replaced it): said, with Retry, never a summary without a form. */
  #extrasFailed = false;
  // The chunk adds to the shadow root: an element made before it is shown (the flow makes its steps while the
  // answers are on their way) waits for its first render.
  #ready = idle()
    .then(() => this.updateComplete)
    .then(() => this.#loadExtras());

  #loadExtras(): Promise<SummaryExtras | undefined> {
    return import('../../internal/summary-extras.js')
      .then(
        (chunk) =>
          (this.#extras = new chunk.SummaryExtras(this, {
            chosen: () => this.#chosen,
            settings: () => this.settings,
            catalog: () => this.#catalog.value?.catalog,
            reset: () => this.#bookAnother(),
            submit: (request) => {
              if (this.#booking.status !== TaskStatus.PENDING) void this.#booking.run([request]);
            },
          })),
        () => void (this.#extrasFailed = true),
      )
      .finally(() => this.requestUpdate());
  }

  /**
   * Retry: asks for the chunk again (Chromium fetches a failed module again; Firefox and WebKit keep the failure, and
   * the alert stays with focus on Retry). Once it is in, focus goes to the heading above the form.
   */
  async #retryExtras(): Promise<void> {
    if ((await (this.#ready = this.#loadExtras())) && (await this.updateComplete))
      this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
  }

  /** One booking attempt; run with no request, it goes back to the form. */
  readonly #booking = new Task(this, {
    autoRun: false,
    task: async ([request]: readonly [BookingRequest | undefined], { signal }) => {
      this.checking = false;
      if (!request) return initialState;
      if (!this.client) throw noClientError();
      // Only the chunk's form submits, so it is in.
      return (await this.#ready)!.book(this.client, request, signal, () => (this.checking = true));
    },
    onComplete: (booking) => {
      emit(this, 'booking-confirmed', { booking });
      this.#focusConfirmation = true;
    },
    onError: (error) => {
      const failure = this.#failure(error);
      if (failure) emit(this, 'booking-failed', { error: failure });
    },
  });

  constructor() {
    super();
    // The flow's client, when there is a flow around; it sets the public property.
    consumer(this, clientContext, (client) => (this.client = client));
    new FocusTarget(this, 'summary', () => this.#focusHeading());
  }

  get #chosen(): Selection {
    return this.#selection.value;
  }

  protected override willUpdate(): void {
    // A new time starts a new attempt; what the visitor typed stays.
    const slot = this.#chosen.slot?.fullDatetime;
    if (slot !== this.#lastSlot) {
      if (slot && this.#booking.status !== TaskStatus.PENDING && this.#booking.status !== TaskStatus.INITIAL)
        void this.#booking.run([undefined]);
      this.#lastSlot = slot;
    }
  }

  protected override updated(): void {
    if (this.#focusConfirmation && this.#booking.status === TaskStatus.COMPLETE) {
      this.#focusConfirmation = false;
      this.#focusHeading();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#booking.abort();
  }

  /** Moves focus to the step's heading, so that a screen reader starts reading the summary there. */
  #focusHeading(): boolean {
    const heading = this.renderRoot.querySelector<HTMLElement>('h2');
    heading?.focus();
    return Boolean(heading);
  }

  /** What to tell the visitor about a failed attempt; nothing for one that was only cancelled. */
  #failure(error: unknown): ErrorDetail | undefined {
    if (isAbortError(error)) return undefined;
    if (!(error instanceof BookingApiError)) return { code: 'unknown', message: this.t.bookingFailed };
    return { code: error.code, message: messageFor(this.t, error.code, error.message) };
  }

  #bookAnother(): void {
    this.#extras?.resetForm();
    void this.#booking.run([undefined]);
  }

  protected override render() {
    // Changing or cancelling a booking replaces the form.
    return (
      this.#extras?.render() ??
      this.#booking.render({
        initial: () => this.#renderForm(false),
        pending: () => this.#renderForm(true),
        // Only a loaded chunk books: the confirmation is the chunk's too.
        complete: (booking) => this.#extras?.confirmation(booking),
        error: (error) => this.#renderForm(false, this.#failure(error)),
      })
    );
  }

  #renderForm(sending: boolean, failed?: ErrorDetail) {
    const t = this.t;
    const { slot } = this.#chosen;
    const hold = this.#extras?.holdStatus();
    if (!slot && !failed)
      return html`${hold}
        <p class="prompt" part="prompt">${t.chooseTime}</p>`;
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1">${t.yourBooking}</h2>
        ${
          // The chosen time's rows come with the chunk, like the form below them.
          slot ? this.#extras?.chosenRows() : html`<p class="prompt" part="prompt">${t.chooseAnotherTime}</p>`
        }
        ${
          // The chunk's form also says when a week loaded since no longer offers the chosen time.
          this.#extras?.form({ sending, checking: sending && this.checking, failed, disabled: !slot }) ??
          (this.#extrasFailed
            ? html`<div class="error" part="error" role="alert">
                <p>${t.formFailed}</p>
                <button class="button" @click=${() => void this.#retryExtras()}>${t.retry}</button>
              </div>`
            : nothing)
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-summary': BookingSummary;
  }
}
