import { ContextProvider } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { AvailabilityClient, WeekQuery } from '../api/availability-client.js';
import { errorDetail, noClientError } from '../api/errors.js';
import type { WeekAvailability } from '../model/week.js';
import { emit } from '../public/events.js';
import type { BookingStrings } from '../public/strings.js';
import { errorText } from '../public/strings.js';
import { availabilityContext } from './contexts.js';

export type WeekAsk = Omit<WeekQuery, 'signal'>;

export interface WeekLoadOptions {
  client: () => AvailabilityClient | undefined;
  /** What the week is asked with; undefined before a service is chosen. */
  query: () => WeekAsk | undefined;
  strings: () => BookingStrings;
  /** What the host's status region should say. */
  announce: (text: string) => void;
  /** A load that shows the loading state has run SLOW_LOAD_MS and was not superseded: the skeleton may pulse. */
  slow: () => void;
}

/** How long a week's load runs before it counts as slow (a quick one never does). */
export const SLOW_LOAD_MS = 500;

/**
 * A loader's week: a Task that loads it again whenever the client or anything it is asked with changes, hands it
 * to the calendar inside by context, tells the page (availability-loaded, availability-error with retry) and the
 * host's status region.
 */
export class WeekLoad {
  readonly task: Task<readonly [AvailabilityClient | undefined, WeekAsk | undefined], WeekAvailability>;
  readonly #week: ContextProvider<typeof availabilityContext>;
  #quiet = false;
  /** The running load's SLOW_LOAD_MS timer: each load clears the last one's, finished or superseded. */
  #slowTimer?: ReturnType<typeof setTimeout>;
  /** Whether the running load refreshes the shown week in place: the week stays on screen meanwhile. */
  refreshing = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WeekLoadOptions) {
    this.#week = new ContextProvider(host, { context: availabilityContext });
    const t = options.strings;
    this.task = new Task(host, {
      args: () => [options.client(), options.query()] as const,
      argsEqual: ([client, query], [nextClient, nextQuery]) =>
        client === nextClient && JSON.stringify(query) === JSON.stringify(nextQuery),
      task: ([client, query], { signal }) => {
        clearTimeout(this.#slowTimer);
        this.refreshing = this.#quiet;
        this.#quiet = false;
        if (!this.refreshing) {
          this.#week.setValue(undefined);
          if (query) options.announce(t().loadingTimes);
        }
        if (!query) return initialState;
        if (!client) throw noClientError();
        if (!this.refreshing) this.#slowTimer = setTimeout(options.slow, SLOW_LOAD_MS);
        return client.getAvailabilityForWeek({ ...query, signal });
      },
      onComplete: (week) => {
        this.#week.setValue(week);
        const total = week.weekMetadata.totalSlots;
        options.announce(
          this.refreshing ? t().timesUpdated : total === 0 ? t().noTimesThisWeek : t().timesAvailable(total),
        );
        emit(host, 'availability-loaded', { weekData: week.weekData, weekMetadata: week.weekMetadata });
      },
      onError: (error) => {
        const detail = errorDetail(error);
        options.announce(`${t().availabilityFailed} ${errorText(t(), detail.code, detail.message)}`);
        emit(host, 'availability-error', { error: detail, retry: () => void this.task.run() });
      },
    });
  }

  /** Loads the shown week again; one on screen stays there until the new answer replaces it in place. */
  refresh(): void {
    this.#quiet = Boolean(this.week);
    void this.task.run();
  }

  /** The loaded week, if one is shown. */
  get week(): WeekAvailability | undefined {
    return this.#week.value;
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }
}
