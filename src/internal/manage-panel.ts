import { Task, TaskStatus, initialState } from '@lit/task';
import { html, nothing, type ReactiveController } from 'lit';
import { cancelBooking, lookUpBooking, rescheduleBooking, type ManagedBooking } from '../api/booking-calls.js';
import { BookingApiError, isAbortError } from '../api/errors.js';
import type { ConfirmedBooking } from '../api/schemas.js';
import { emit } from '../public/events.js';
import { calendarLinks } from './calendar-actions.js';
import { changeable, chooseInFlow } from './booking-choice.js';
import { cancelQuestion, endedPanel, errorAlert, panelFrame, reasonField, receipt } from './manage-view.js';
import type { HoldKeeper } from './hold-keeper.js';
import { messageFor } from './booking-message.js';
import { bookingRows, summaryList } from './summary-text.js';
import type { ExtrasHost, SummaryView } from './summary-extras.js';

/**
 * Changing or cancelling a booking by its uid: from `reschedule-uid` (or the page's `?reschedule=`), or from "Change"
 * and "Cancel booking" on a confirmation. It loads the booking (GET /bookings/:uid), chooses its service and staff
 * in the flow (the same step events the selectors send), and moves it to the time the visitor picks, or cancels it
 * after asking. A booking already cancelled, moved or past gets a plain message and a way to book anew.
 */
export class ManagePanel implements ReactiveController {
  readonly #host: ExtrasHost;
  readonly #view: SummaryView;
  readonly #hold: HoldKeeper;
  /** Set by "Change" or "Cancel booking" on a confirmation; the settings' uid otherwise. */
  #uid?: string;
  /** "Book a new appointment": the panel steps aside for the form. */
  #left?: string;
  /** The uid whose service and staff were chosen in the flow already. */
  #chosenFor?: string;
  #asking = false;
  #slot?: string;
  #reason = '';
  #cancelReason = '';

  readonly #lookup;
  readonly #move;
  readonly #cancel;

  constructor(host: ExtrasHost, view: SummaryView, hold: HoldKeeper) {
    this.#host = host;
    this.#view = view;
    this.#hold = hold;
    this.#lookup = new Task(host, {
      args: () => [host.client, this.uid] as const,
      task: ([client, uid], { signal }) => (client && uid ? lookUpBooking(client, uid, signal) : initialState),
    });
    this.#move = new Task(host, {
      autoRun: false,
      // Run with no uid, it goes back to its initial state.
      task: ([uid, start]: readonly [string?, string?], { signal }) =>
        uid && start
          ? rescheduleBooking(
              host.client!,
              uid,
              { start, hold: hold.uid, reason: this.#reason.trim() || undefined },
              signal,
            )
          : initialState,
      onComplete: ({ booking, previousUid }) => {
        hold.booked();
        host.client?.invalidate({ serviceId: booking.service });
        emit(host, 'booking-rescheduled', { booking, previousUid });
        this.#focus();
      },
      onError: (error) => {
        if (error instanceof BookingApiError) emit(host, 'booking-failed', { error: this.#failure(error) });
      },
    });
    this.#cancel = new Task(host, {
      autoRun: false,
      task: ([uid]: readonly [string?], { signal }) =>
        uid ? cancelBooking(host.client!, uid, this.#cancelReason.trim() || undefined, signal) : initialState,
      onComplete: (booking) => {
        host.client?.invalidate({ serviceId: booking.service });
        emit(host, 'booking-cancelled', { uid: booking.uid });
        this.#focus();
      },
    });
    host.addController(this);
  }

  /**
   * The booking being changed, if any: one opened from a confirmation, else the flow's `reschedule-uid`, else the
   * page's `?reschedule=` (an attribute, even empty, wins over the URL).
   */
  get uid(): string | undefined {
    const uid = this.#uid ?? this.#view.settings().rescheduleUid;
    return uid && uid !== this.#left ? uid : undefined;
  }

  hostUpdate(): void {
    // A failed move is forgotten once another time is chosen.
    const slot = this.#view.chosen().slot?.fullDatetime;
    if (slot && slot !== this.#slot && this.#move.status === TaskStatus.ERROR) void this.#move.run([]);
    this.#slot = slot;
    const booking = this.#lookup.value;
    if (this.#lookup.status !== TaskStatus.COMPLETE || !booking || booking.uid === this.#chosenFor) return;
    if (changeable(booking) && chooseInFlow(this.#host, this.#view.catalog(), booking)) this.#chosenFor = booking.uid;
  }

  /** Starts changing (or, with `cancel`, cancelling) a booking just made. */
  open(booking: ConfirmedBooking, cancel = false): void {
    this.#uid = booking.uid;
    this.#left = undefined;
    this.#asking = cancel;
    this.#reset();
    this.#focus(cancel ? '#cancel-question' : 'h2');
  }

  /** The panel, while a booking is being changed; undefined otherwise (the summary shows its form). */
  render() {
    if (!this.uid) return undefined;
    const m = this.#view.words();
    const moved = this.#move.status === TaskStatus.COMPLETE ? this.#move.value : undefined;
    if (moved) return this.#done(m.changed, moved.booking, true);
    if (this.#cancel.status === TaskStatus.COMPLETE) return this.#done(m.cancelled, this.#cancel.value!, false);
    return this.#lookup.render({
      pending: () => panelFrame(m, html`<p role="status">${m.loadingBooking}</p>`),
      complete: (booking) => (booking ? this.#change(booking) : nothing),
      error: (error) =>
        error instanceof BookingApiError && error.code !== 'booking_not_found'
          ? panelFrame(
              m,
              html`${errorAlert(this.#failure(error).message)}
                <button class="button" @click=${() => void this.#lookup.run()}>
                  ${this.#view.settings().strings.retry}
                </button>`,
            )
          : endedPanel(m, m.bookingNotFound, this.#leave),
    });
  }

  /** What follows a confirmation: add to calendar, change, cancel. */
  actions(booking: ConfirmedBooking) {
    const m = this.#view.words();
    return html`${calendarLinks(this.#view, booking)}
      <div class="actions">
        <button class="button" part="change-button" @click=${() => this.open(booking)}>${m.change}</button>
        <button class="button" part="cancel-button" @click=${() => this.open(booking, true)}>${m.cancelBooking}</button>
      </div>`;
  }

  #change(booking: ManagedBooking) {
    const m = this.#view.words();
    if (booking.status === 'cancelled' || booking.status === 'rejected')
      return endedPanel(m, booking.rescheduledTo ? m.bookingWasMoved : m.bookingWasCancelled, this.#leave);
    if (!changeable(booking)) return endedPanel(m, m.bookingIsPast, this.#leave);
    const { slot } = this.#view.chosen();
    const moving = this.#move.status === TaskStatus.PENDING;
    const failed = this.#move.status === TaskStatus.ERROR ? this.#failure(this.#move.error) : undefined;
    return panelFrame(
      m,
      html`
        <h3>${m.currentBooking}</h3>
        ${summaryList(this.#rows(booking))} ${this.#hold.render()} ${errorAlert(failed?.message)}
        ${
          slot
            ? html`<h3>${m.newTime}</h3>
                ${summaryList(this.#rows())}
                <form part="form" @submit=${(e: SubmitEvent) => this.#submitMove(e, booking.uid, slot.fullDatetime)}>
                  ${reasonField('reason', m.changeReason, this.#reason, (value) => (this.#reason = value))}
                  <button
                    class="button primary"
                    part="confirm-button"
                    type="submit"
                    aria-disabled=${moving ? 'true' : 'false'}
                  >
                    ${moving ? m.changing : m.confirmChange}
                  </button>
                </form>`
            : html`<p class="prompt" part="prompt">${m.chooseNewTime}</p>`
        }
        ${this.#cancelBox(booking.uid)}
      `,
    );
  }

  #cancelBox(uid: string) {
    const m = this.#view.words();
    if (!this.#asking)
      return html`<div class="actions">
        <button class="button" part="cancel-button" id="cancel-open" @click=${() => this.#ask(true)}>
          ${m.cancelBooking}
        </button>
      </div>`;
    return cancelQuestion(m, {
      reason: this.#cancelReason,
      onReason: (value) => (this.#cancelReason = value),
      cancelling: this.#cancel.status === TaskStatus.PENDING,
      failed: this.#cancel.status === TaskStatus.ERROR ? this.#failure(this.#cancel.error).message : undefined,
      onConfirm: () => void this.#cancel.run([uid]),
      onKeep: () => this.#ask(false),
    });
  }

  /** A change made: the receipt, and (for a moved booking) the calendar and the same actions again. */
  #done(title: string, booking: ConfirmedBooking, moved: boolean) {
    return receipt(this.#view.words(), {
      title,
      rows: this.#rows(booking),
      reference: this.#view.words().reference,
      uid: booking.uid,
      after: moved ? this.actions(booking) : nothing,
      onLeave: this.#leave,
    });
  }

  /** Rows for a booking (its own service, person and times), or for the chosen new time. */
  #rows(booking?: ConfirmedBooking) {
    const selection = this.#view.chosen();
    return bookingRows({
      catalog: this.#view.catalog(),
      selection: booking ? { ...selection, serviceId: booking.service, staffId: booking.staff } : selection,
      settings: this.#view.settings(),
      start: booking?.start,
      end: booking?.end,
      staff: booking?.staff,
    });
  }

  #submitMove(event: SubmitEvent, uid: string, start: string): void {
    event.preventDefault();
    if (this.#move.status !== TaskStatus.PENDING) void this.#move.run([uid, start]);
  }

  #ask(open: boolean): void {
    this.#asking = open;
    this.#host.requestUpdate();
    this.#focus(open ? '#cancel-question' : '#cancel-open');
  }

  readonly #leave = (): void => {
    this.#left = this.uid;
    this.#uid = undefined;
    this.#reset();
    this.#view.reset();
    this.#focus();
  };

  /** Forgets the last move or cancellation and what was typed for it. */
  #reset(): void {
    this.#reason = this.#cancelReason = '';
    void this.#move.run([]);
    void this.#cancel.run([]);
  }

  /** Moves focus, once rendered, to the panel's heading (or the element named), for keyboard and screen readers. */
  #focus(selector = 'h2'): void {
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  #failure(error: unknown) {
    const t = this.#view.settings().strings;
    if (error instanceof BookingApiError)
      return { code: error.code, message: messageFor(t, error.code, error.message) };
    return { code: isAbortError(error) ? 'aborted' : 'unknown', message: t.bookingFailed };
  }
}
