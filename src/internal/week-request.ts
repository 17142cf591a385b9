import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * PageUp/PageDown in a calendar: the loader around it changes week. Internal between the two: it bubbles to the
 * calendar's light-DOM parent but is not composed, so it never leaves the widget, and it is no public event.
 */
export const WEEK_REQUESTED = 'bf-week';

export interface WeekRequest {
  /** Weeks to move, -1 or 1. */
  offset: number;
}

export function requestWeek(calendar: HTMLElement, offset: number): void {
  calendar.dispatchEvent(new CustomEvent<WeekRequest>(WEEK_REQUESTED, { detail: { offset }, bubbles: true }));
}

/**
 * Hears a calendar's week requests for `host`: from a calendar slotted into it, and from its default calendar in
 * its shadow root (the event does not leave that root).
 */
export class WeekRequests implements ReactiveController {
  #listening = false;
  readonly #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  readonly #onRequest: (offset: number) => void;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    onRequest: (offset: number) => void,
  ) {
    this.#host = host;
    this.#onRequest = onRequest;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.#listening) return;
    this.#listening = true;
    this.#host.addEventListener(WEEK_REQUESTED, this.#handle);
    this.#host.renderRoot.addEventListener(WEEK_REQUESTED, this.#handle);
  }

  readonly #handle = (event: Event): void => {
    event.stopPropagation();
    this.#onRequest((event as CustomEvent<WeekRequest>).detail.offset);
  };
}
