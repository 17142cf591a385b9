import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';
import { errorDetail, noClientError } from '../api/errors.js';
import type { CatalogState } from './contexts.js';

/**
 * The catalog of a flow's client, loaded as a Task, and its state as the steps see it by context: the same object
 * for as long as the task's state is the same, so that no step renders again for nothing.
 */
export class CatalogTask {
  #state: CatalogState = { status: 'loading' };
  readonly #task: Task<readonly [AvailabilityClient | undefined], CatalogState['catalog']>;

  constructor(host: ReactiveControllerHost, client: () => AvailabilityClient | undefined) {
    this.#task = new Task(host, {
      args: () => [client()] as const,
      task: ([current], { signal }) => {
        if (!current) throw noClientError();
        return current.getCatalog(signal);
      },
    });
  }

  get state(): CatalogState {
    return this.#state;
  }

  /** Brings `state` up to the task's; true when it changed. */
  refresh(): boolean {
    const previous = this.#state;
    const loading: CatalogState = previous.status === 'loading' ? previous : { status: 'loading' };
    this.#state = this.#task.render({
      initial: () => loading,
      pending: () => loading,
      complete: (catalog): CatalogState => (previous.catalog === catalog ? previous : { status: 'ready', catalog }),
      error: (error): CatalogState =>
        previous.status === 'error' && previous.cause === error
          ? previous
          : { status: 'error', cause: error, error: errorDetail(error), retry: (): void => void this.#task.run() },
    });
    return this.#state !== previous;
  }
}
