import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AvailabilityClient, InvalidateFilter } from '../api/availability-client.js';

/**
 * Calls `onInvalidate` whenever the host's client drops cached weeks (after a booking, a time just taken), while
 * the host is connected. Listening follows both the client and the connection, so a host moved in the DOM, or
 * given another client, keeps hearing exactly one client.
 */
export class ClientInvalidation implements ReactiveController {
  #heard?: AvailabilityClient;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => AvailabilityClient | undefined,
    private readonly onInvalidate: (filter: InvalidateFilter) => void,
  ) {
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
    const wanted = this.#connected ? this.client() : undefined;
    if (wanted === this.#heard) return;
    this.#heard?.removeEventListener('invalidate', this.#handle);
    this.#heard = wanted;
    wanted?.addEventListener('invalidate', this.#handle);
  }

  readonly #handle = (event: Event): void => this.onInvalidate((event as CustomEvent<InvalidateFilter>).detail);
}
