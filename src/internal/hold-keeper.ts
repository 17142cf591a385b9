import { html, nothing, type ReactiveController } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';
import { holdTime, releaseHold, type Hold, type HoldRequest } from '../api/booking-calls.js';
import { BookingApiError } from '../api/errors.js';
import { clockFormat } from '../model/format.js';
import { emit } from '../public/events.js';
import type { ExtrasHost, SummaryView } from './summary-extras.js';

/** How close to its end a hold is renewed, and how recent the visitor's last input must be for that. */
const RENEW_BEFORE_MS = 15_000;
const ACTIVE_WITHIN_MS = 120_000;
const ACTIVITY = ['pointerdown', 'keydown', 'input'] as const;

/**
 * Holds the chosen time while the visitor fills in the form (POST /holds), and lets it go when they choose another
 * time or service, leave, or close the page (keepalive). A hold near its end is renewed once if the visitor was
 * active lately; otherwise its end is said. Someone else's hold or booking on the time is the `slot_unavailable`
 * outcome a booking would have had. The countdown is shown, not read out: the live region speaks once per hold.
 */
export class HoldKeeper implements ReactiveController {
  readonly #host: ExtrasHost;
  readonly #view: SummaryView;
  #hold?: Hold & { key: string; renewed: boolean };
  /** The choice the current hold (or the attempt at one) is for. */
  #key?: string;
  /** A choice already booked: not held again. */
  #booked?: string;
  #attempt?: AbortController;
  #notice?: 'taken' | 'ended';
  #ticker?: ReturnType<typeof setInterval>;
  /** The start this keeper added to the client's held times. */
  #start?: string;
  #lastActive = 0;

  constructor(host: ExtrasHost, view: SummaryView) {
    this.#host = host;
    this.#view = view;
    host.addController(this);
  }

  /** The uid to book with, while the hold lasts. */
  get uid(): string | undefined {
    return this.#hold?.uid;
  }

  hostConnected(): void {
    addEventListener('pagehide', this.#onPageHide);
    addEventListener('pageshow', this.#onPageShow);
    for (const type of ACTIVITY) document.addEventListener(type, this.#onActivity, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.#onPageHide);
    removeEventListener('pageshow', this.#onPageShow);
    for (const type of ACTIVITY) document.removeEventListener(type, this.#onActivity, { capture: true });
    this.#let();
  }

  hostUpdate(): void {
    const { slot, serviceId, staffId } = this.#view.chosen();
    const request = slot &&
      serviceId && {
        service: serviceId,
        staff: staffId,
        start: slot.fullDatetime,
        duration: slot.durationMinutes,
      };
    const key = request ? JSON.stringify(request) : undefined;
    if (key === this.#key) return;
    this.#let();
    if (key) this.#notice = undefined;
    if (!request || !key || key === this.#booked || !this.#host.client) return;
    this.#key = key;
    this.#take(request, key);
  }

  /** The choice was booked (with this hold, which Cal.com deleted then): forget it, and do not hold it again. */
  booked(): void {
    this.#booked = this.#key;
    this.#hold = undefined;
    if (this.#host.client) this.#shown(this.#host.client);
    this.#stop();
  }

  render() {
    const m = this.#view.words();
    if (this.#notice === 'taken')
      return html`<p class="error" part="error" role="alert">${this.#view.settings().strings.slotTaken}</p>`;
    if (this.#notice === 'ended') return html`<p class="hold" part="hold" role="status">${m.holdEnded}</p>`;
    const hold = this.#hold;
    if (!hold) return nothing;
    const { locale, timeZone, hourCycle } = this.#view.settings();
    const until = clockFormat(locale, timeZone, hourCycle);
    const left = Math.max(0, Math.ceil((Date.parse(hold.until) - Date.now()) / 1000));
    const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    return html`<div class="hold" part="hold">
      <p role="status">${m.heldUntil(until.format(Date.parse(hold.until)))}</p>
      <span class="countdown" aria-hidden="true">${m.holdLeft(clock)}</span>
    </div>`;
  }

  #take(request: HoldRequest, key: string, renew?: string): void {
    const client = this.#host.client!;
    const attempt = (this.#attempt = new AbortController());
    // Shown as free to this page from the start: the calendars hear of the hold (and drop the time) before its answer.
    this.#shown(client, request.start);
    holdTime(client, request, attempt.signal, renew).then(
      (hold) => {
        if (this.#key !== key) return releaseHold(client, hold.uid);
        this.#hold = { ...hold, key, renewed: Boolean(renew) };
        this.#ticker ??= setInterval(this.#tick, 1000);
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (this.#key !== key) return;
        // Not held (holds off, or the proxy failed): the time is only as free as the live week says.
        if (!renew) this.#shown(client);
        if (!(error instanceof BookingApiError) || error.code !== 'slot_unavailable') return;
        // Someone else holds or booked it: the same outcome as a booking of a taken time.
        this.#notice = 'taken';
        client.invalidate({ serviceId: request.service });
        emit(this.#host, 'booking-failed', {
          error: { code: error.code, message: this.#view.settings().strings.slotTaken },
        });
        this.#host.requestUpdate();
      },
    );
  }

  readonly #tick = (): void => {
    const hold = this.#hold;
    if (!hold) return this.#stop();
    const left = Date.parse(hold.until) - Date.now();
    const active = document.visibilityState === 'visible' && Date.now() - this.#lastActive < ACTIVE_WITHIN_MS;
    if (left <= RENEW_BEFORE_MS && !hold.renewed && active) {
      hold.renewed = true;
      this.#take(JSON.parse(hold.key) as HoldRequest, hold.key, hold.uid);
    } else if (left <= 0) {
      this.#hold = undefined;
      if (this.#host.client) this.#shown(this.#host.client);
      this.#notice = 'ended';
      this.#stop();
    }
    this.#host.requestUpdate();
  };

  readonly #onActivity = (): void => {
    this.#lastActive = Date.now();
  };

  readonly #onPageHide = (): void => {
    this.#let(true);
  };

  /** Back from the back-forward cache: hold the time again. */
  readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.#host.requestUpdate();
  };

  /** Lets the current hold go (and any attempt at one); `closing` when the page is being closed. */
  #let(closing = false): void {
    const client = this.#host.client;
    this.#attempt?.abort();
    if (this.#hold && client) releaseHold(client, this.#hold.uid, closing);
    if (client) this.#shown(client);
    this.#hold = undefined;
    this.#key = undefined;
    this.#stop();
  }

  /** The time held, which the flow's weeks show although Cal.com leaves it out (none: nothing is held). */
  #shown(client: AvailabilityClient, start?: string): void {
    const held = client.held;
    if (this.#start !== undefined && held.includes(this.#start)) held.splice(held.indexOf(this.#start), 1);
    this.#start = start;
    if (start) held.push(start);
  }

  #stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }
}
