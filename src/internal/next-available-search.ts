import { Task, TaskStatus, initialState } from '@lit/task';
import { html, type ReactiveControllerHost } from 'lit';
import type { AvailabilityClient, WeekQuery } from '../api/availability-client.js';
import { MAX_LOOKAHEAD_WEEKS, nextWeekWithTimes } from '../api/next-available.js';
import type { IsoDate } from '../model/dates.js';
import type { BookingStrings } from '../public/strings.js';
import { emptyWeek } from './week-states.js';

/** The words of the empty week's search; a language module replaces them like any other word. */
export interface NextAvailableStrings {
  showNextAvailable: string;
  searchingNextAvailable: string;
  nothingAhead: (weeks: number) => string;
}

export const nextEn: NextAvailableStrings = {
  showNextAvailable: 'Show next available',
  searchingNextAvailable: 'Looking for the next free time…',
  nothingAhead: (weeks) => `No free times in the next ${weeks} weeks.`,
};

export interface NextAvailableOptions {
  client: () => AvailabilityClient | undefined;
  query: () => Omit<WeekQuery, 'signal' | 'weekStart'> | undefined;
  strings: () => BookingStrings;
  /** A later week with free times was found: show it. */
  found: (weekStart: IsoDate) => void;
  /** The search failed. */
  failed: (error: unknown) => void;
  /** What the host's status region should say. */
  announce: (text: string) => void;
}

/** The empty week's "Show next available": a Task that looks ahead for the first week with free times. */
export class NextAvailableSearch {
  /** The week the last search started from: its "nothing ahead" is about that week only. */
  #from?: IsoDate;
  readonly #task: Task<readonly [IsoDate], IsoDate | undefined>;

  readonly #options: NextAvailableOptions;

  constructor(host: ReactiveControllerHost, options: NextAvailableOptions) {
    this.#options = options;
    this.#task = new Task(host, {
      autoRun: false,
      task: ([from], { signal }) => {
        const client = options.client();
        const query = options.query();
        if (!client || !query) return initialState;
        options.announce(this.#words().searchingNextAvailable);
        return nextWeekWithTimes(client, query, from, signal);
      },
      onComplete: (found) => {
        if (found === undefined) options.announce(this.#words().nothingAhead(MAX_LOOKAHEAD_WEEKS));
        else options.found(found);
      },
      onError: (error) => options.failed(error),
    });
  }

  /** Its words come with it (a chunk beside the bundle). */
  #words() {
    return { ...nextEn, ...this.#options.strings() };
  }

  get busy(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** The empty state of `weekStart`: no times this week (or none ahead), and the button that searches on. */
  renderEmpty(weekStart: IsoDate) {
    const t = this.#words();
    const nothingAhead = this.#task.render({ complete: (found) => found === undefined && this.#from === weekStart });
    return emptyWeek(
      nothingAhead ? t.nothingAhead(MAX_LOOKAHEAD_WEEKS) : t.noTimesThisWeek,
      html`<button
        class="button primary"
        ?disabled=${this.busy}
        @click=${() => void this.#task.run([(this.#from = weekStart)])}
      >
        ${this.busy ? t.searchingNextAvailable : t.showNextAvailable}
      </button>`,
    );
  }
}
