import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { newIdempotencyKey, type AvailabilityClient, type BookingRequest } from '../../api/availability-client.js';
import { BookingApiError, isAbortError, noClientError } from '../../api/errors.js';
import type { ConfirmedBooking } from '../../api/schemas.js';
import { BookingElement } from '../../internal/booking-element.js';
import { catalogContext, clientContext, consumer, type Selection } from '../../internal/contexts.js';
import { emit, type ErrorDetail } from '../../public/events.js';
import { FocusTarget } from '../../internal/focus-handover.js';
import { ChosenSelection } from '../../internal/chosen.js';
import { bookingRows, messageFor, summaryList } from '../../internal/summary-text.js';
import { attendeeFields, type AttendeeValues } from '../../internal/attendee-fields.js';
import { styles } from './booking-summary.styles.js';

/**
 * Sums up the chosen branch, service, staff and time, asks for the visitor's details and books the time through
 * the proxy. A failed booking keeps everything typed; a time taken meanwhile is said plainly and the flow
 * reloads that week. Each submission carries an Idempotency-Key, the same when the visitor sends the same
 * details again, so a retry after a lost answer never books twice; while the booking service has not confirmed,
 * the summary says it is checking instead of inviting a second booking. When a week loaded again (a change
 * heard live) no longer offers the chosen time, the summary says so at once and disables Confirm, keeping the form.
 *
 * @summary Review the choice, enter your details, confirm.
 * @tag booking-summary
 *
 * @fires {CustomEvent<{ booking: { uid: string, start: string, end: string, status: string, service: string, staff: string | null } }>} booking-confirmed - The booking was made.
 * @fires {CustomEvent<{ error: { code: string, message: string } }>} booking-failed - The booking was not made; `code` is `slot_unavailable` when the time was just taken, `booking_unconfirmed` when the booking service has not confirmed it yet (sending again checks, it never books twice).
 *
 * @csspart summary - The list of what was chosen.
 * @csspart form - The attendee form.
 * @csspart field - One label and its input.
 * @csspart input - Each input and the notes textarea.
 * @csspart confirm-button - The button that books.
 * @csspart error - The message after a failed booking.
 * @csspart checking - The message while the booking service has not confirmed the booking yet.
 * @csspart confirmation - The panel shown once the booking is made.
 * @csspart prompt - The message shown before a time is chosen.
 *
 * @cssprop [--booking-color-accent] - Confirm button background.
 * @cssprop [--booking-color-danger] - Error text and border.
 * @cssprop [--booking-color-surface] - Summary and confirmation background.
 */
export class BookingSummary extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    values: { state: true },
    checking: { state: true },
  };

  /** The client to use when no `<booking-flow>` provides one. */
  client?: AvailabilityClient;

  readonly #catalog = consumer(this, catalogContext);
  readonly #selection = new ChosenSelection(this);

  private values: AttendeeValues = { name: '', email: '', phone: '', notes: '' };
  /** The booking service has not confirmed yet and the client is asking again. */
  private checking = false;
  #lastSlot?: string;
  /** Set when a booking was made: focus goes to the confirmation once it is shown. */
  #focusConfirmation = false;
  /** The chosen time, once a week loaded again without it (someone else booked it meanwhile). */
  #gone?: string;
  /** The last submission and its Idempotency-Key: the same details sent again reuse the key. */
  #attempt?: { request: string; key: string };

  /** One booking attempt; run with no request, it goes back to the form. */
  readonly #booking = new Task(this, {
    autoRun: false,
    task: ([request]: readonly [BookingRequest | undefined], { signal }) => {
      this.checking = false;
      if (!request) return initialState;
      if (!this.client) throw noClientError();
      const sent = JSON.stringify(request);
      if (this.#attempt?.request !== sent) this.#attempt = { request: sent, key: newIdempotencyKey() };
      return this.client.book(request, {
        signal,
        idempotencyKey: this.#attempt.key,
        onUnconfirmed: () => (this.checking = true),
      });
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

  #root?: Node;

  override connectedCallback(): void {
    super.connectedCallback();
    // The loaders beside it (in the same flow, or on the page) tell what the weeks hold now.
    (this.#root = this.getRootNode()).addEventListener('availability-loaded', this.#weekLoaded);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#root?.removeEventListener('availability-loaded', this.#weekLoaded);
    this.#booking.abort();
  }

  /** A week that covers the chosen time (its date) but no longer offers it: said before the visitor sends the form. */
  readonly #weekLoaded = (event: Event): void => {
    const week = JSON.stringify((event as HTMLElementEventMap['availability-loaded']).detail);
    const slot = this.#chosen.slot;
    if (slot && week.includes(`"${slot.date}"`) && !week.includes(`"${slot.fullDatetime}"`)) {
      this.#gone = slot.fullDatetime;
      this.requestUpdate();
    }
  };

  /** Moves focus to the step's heading, so that a screen reader starts reading the summary there. */
  #focusHeading(): boolean {
    const heading = this.renderRoot.querySelector<HTMLElement>('h2');
    heading?.focus();
    return Boolean(heading);
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const { slot, serviceId, staffId } = this.#chosen;
    if (!slot || !serviceId || this.#booking.status === TaskStatus.PENDING) return;
    if (!(event.target as HTMLFormElement).reportValidity()) return;
    const { timeZone, locale } = this.settings;
    const { name, email, phone, notes } = this.values;
    const attendee = {
      name: name.trim(),
      email: email.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    void this.#booking.run([
      {
        service: serviceId,
        staff: staffId,
        start: slot.fullDatetime,
        timeZone,
        duration: slot.durationMinutes,
        attendee,
        locale,
      },
    ]);
  }

  /** What to tell the visitor about a failed attempt; nothing for one that was only cancelled. */
  #failure(error: unknown): ErrorDetail | undefined {
    if (isAbortError(error)) return undefined;
    if (!(error instanceof BookingApiError)) return { code: 'unknown', message: this.t.bookingFailed };
    return { code: error.code, message: messageFor(this.t, error.code, error.message) };
  }

  #bookAnother(): void {
    this.values = { ...this.values, notes: '' };
    void this.#booking.run([undefined]);
  }

  protected override render() {
    return this.#booking.render({
      initial: () => this.#renderForm(false),
      pending: () => this.#renderForm(true),
      complete: (booking) => this.#renderConfirmation(booking),
      error: (error) => this.#renderForm(false, this.#failure(error)),
    });
  }

  #renderForm(sending: boolean, failed?: ErrorDetail) {
    const t = this.t;
    const { slot } = this.#chosen;
    if (!slot && !failed) return html`<p class="prompt" part="prompt">${t.chooseTime}</p>`;
    const gone = slot?.fullDatetime === this.#gone;
    if (gone) failed = { code: 'slot_unavailable', message: t.slotTaken };
    const unconfirmed = failed?.code === 'booking_unconfirmed';
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1">${t.yourBooking}</h2>
        ${slot ? summaryList(this.#rows()) : html`<p class="prompt" part="prompt">${t.chooseAnotherTime}</p>`}
        <form part="form" @submit=${this.#submit}>
          ${attendeeFields(t, this.values, (field, value) => (this.values = { ...this.values, [field]: value }))}
          ${failed ? html`<p id="error" class="error" part="error" role="alert">${failed.message}</p>` : nothing}
          ${sending && this.checking ? html`<p class="checking" part="checking" role="status">${t.checkingBooking}</p>` : nothing}
          <button
            class="button primary"
            part="confirm-button"
            type="submit"
            ?disabled=${!slot || gone}
            aria-disabled=${sending ? 'true' : 'false'}
          >
            ${sending ? t.sending : unconfirmed ? t.checkAgain : t.confirm}
          </button>
        </form>
      </section>
    `;
  }

  #rows(start?: string, end?: string, staff?: string | null): [string, string][] {
    return bookingRows({
      catalog: this.#catalog.value?.catalog,
      selection: this.#chosen,
      settings: this.settings,
      start,
      end,
      staff,
    });
  }

  #renderConfirmation(booking: ConfirmedBooking) {
    const t = this.t;
    const rows = this.#rows(booking.start, booking.end, booking.staff);
    return html`
      <section class="confirmation" part="confirmation" aria-labelledby="confirmed" role="status">
        <h2 id="confirmed" tabindex="-1">${booking.status === 'pending' ? t.requested : t.confirmed}</h2>
        ${summaryList(
          rows,
          html`<div>
            <dt>${t.reference}</dt>
            <dd class="uid">${booking.uid}</dd>
          </div>`,
        )}
        <button class="button" @click=${this.#bookAnother}>${t.bookAnother}</button>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-summary': BookingSummary;
  }
}
