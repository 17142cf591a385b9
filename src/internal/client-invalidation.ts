import { idle } from '../api/idle.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';

/**
 * Calls `onInvalidate` whenever the host's client drops cached weeks (after a booking, a time just taken, a change
 * heard on the live stream), while the host is connected, and keeps the page's live stream for that client's proxy
 * open meanwhile (loaded only then: it is no part of the first paint). Listening follows both the client and the
 * connection, so a host moved in the DOM, or given another client, keeps hearing exactly one client.
 */
export class ClientInvalidation implements ReactiveController {
  #heard?: AvailabilityClient;
  #connected = false;
  #unwatch?: () => void;
  readonly #client: () => AvailabilityClient | undefined;
  readonly #onInvalidate: () => void;

  constructor(host: ReactiveControllerHost, client: () => AvailabilityClient | undefined, onInvalidate: () => void) {
    this.#client = client;
    this.#onInvalidate = onInvalidate;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostUpdate(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listen();
  }

  #listen(): void {
    const wanted = this.#connected ? this.#client() : undefined;
    if (wanted === this.#heard) return;
    this.#heard?.removeEventListener('invalidate', this.#onInvalidate);
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#heard = wanted;
    if (!wanted) return;
    wanted.addEventListener('invalidate', this.#onInvalidate);
    const watching = idle()
      .then(() => import('../api/change-stream.js'))
      .then((live) => live.watchChanges(wanted));
    this.#unwatch = () => void watching.then((stop) => stop());
  }
}
