import type { AvailabilityClient, WeekQuery, WeekView } from './availability-client.js';

/** A change as the proxy's /events stream sends it: services, staff (null: any) and UTC dates (absent: any). */
export interface SlotChange {
  services: string[];
  staff: string[] | null;
  from?: string;
  to?: string;
}

/** Without an open stream, a shown week older than this is fetched again when the page is looked at again. */
export const FOCUS_REFRESH_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;

const streams = new Map<string, PageStream>();

/**
 * Keeps the page's one stream for the client's proxy open while someone watches (a loader is on the page) and the
 * tab is visible; what it hears drops the weeks it names from every watching client, whose views then refresh.
 * Returns how to stop watching. The client's next weeks are fetched early from then on (prefetchNextWeek).
 */
export function watchChanges(client: AvailabilityClient): () => void {
  // Loaded with the first calendar, this module also fetches the week after each one shown, from the one shown now.
  client.shown = (query) => prefetchNextWeek(client, query);
  if (client.lastShown) prefetchNextWeek(client, client.lastShown);
  let stream = streams.get(client.baseUrl);
  if (!stream) streams.set(client.baseUrl, (stream = new PageStream(client.baseUrl)));
  stream.add(client);
  return () => stream.remove(client);
}

/** Whether a change names a week: its service, its staff (or any staff), dates the week's request covers. */
export function changeCovers(change: SlotChange, week: WeekView): boolean {
  if (!change.services.includes(week.serviceId)) return false;
  if (change.staff && week.staffId && !change.staff.includes(week.staffId)) return false;
  // A week is asked for with a day's padding either side, in UTC (AvailabilityClient).
  return (
    (!change.from || change.from <= shift(week.weekStart, 7)) && (!change.to || change.to >= shift(week.weekStart, -1))
  );
}

/** Reads a change off the wire; undefined for anything else. */
export function readChange(data: string): SlotChange | undefined {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  const v = value as Partial<Record<keyof SlotChange, unknown>> | null;
  const ids = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string');
  const date = (text: unknown) => text === undefined || (typeof text === 'string' && /^\d{4}-\d\d-\d\d$/.test(text));
  return v && ids(v.services) && (v.staff === null || ids(v.staff)) && date(v.from) && date(v.to)
    ? (v as SlotChange)
    : undefined;
}

const shift = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** What the browser says of the visitor's connection (Network Information, where it has it). */
interface Line {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Fetches the week after `query`'s into the client's cache once the page is idle, as a visitor often goes on to
 * it: "Next week" is then answered at once. Not when that week is cached, nor for a visitor who saves data or is on
 * a 2G connection. The request has no signal, so a view that joins it and gives up does not cut it short.
 */
export function prefetchNextWeek(client: AvailabilityClient, query: WeekQuery): void {
  const line = (navigator as { connection?: Line }).connection;
  if (line?.saveData || line?.effectiveType?.includes('2g')) return;
  const next = { ...query, weekStart: shift(query.weekStart, 7), signal: undefined };
  // Not api/idle.ts's idle(): importing it would make this chunk import the bundle, and it imports nothing.
  (window.requestIdleCallback ?? setTimeout)(() => {
    if (!client.has(next)) client.prefetch(next).catch(() => undefined);
  });
}

/** One EventSource per page and proxy, shared by every client of that proxy. */
class PageStream {
  readonly #clients = new Map<AvailabilityClient, number>();
  #source?: EventSource;
  #lastId = '';
  /** Failed attempts in a row: the wait before the next one doubles with each. */
  #failures = 0;
  #retry?: ReturnType<typeof setTimeout>;
  /** Whether this proxy's stream has opened since the last failure: then resuming covers what was missed. */
  #works = false;

  constructor(readonly baseUrl: string) {}

  add(client: AvailabilityClient): void {
    if (!this.#clients.size) {
      document.addEventListener('visibilitychange', this.#shown);
      addEventListener('focus', this.#focused);
    }
    this.#clients.set(client, (this.#clients.get(client) ?? 0) + 1);
    this.#sync();
  }

  remove(client: AvailabilityClient): void {
    const left = (this.#clients.get(client) ?? 1) - 1;
    if (left) this.#clients.set(client, left);
    else this.#clients.delete(client);
    if (this.#clients.size) return;
    document.removeEventListener('visibilitychange', this.#shown);
    removeEventListener('focus', this.#focused);
    this.#close();
    streams.delete(this.baseUrl);
  }

  /** Open while visible, closed while hidden. */
  readonly #sync = (): void => {
    if (document.visibilityState === 'visible') this.#open();
    else this.#close();
  };

  /** Back from hidden, the stream resumes from the last id it heard; without one, old weeks are fetched again. */
  readonly #shown = (): void => {
    if (!this.#works && document.visibilityState === 'visible') this.#refreshOld();
    this.#sync();
  };

  /** A window that regains focus without a stream (none can be held here) shows weeks no older than a moment. */
  readonly #focused = (): void => {
    if (this.#source?.readyState !== EventSource.OPEN) this.#refreshOld();
  };

  #open(): void {
    if (this.#source || this.#retry) return;
    const url = new URL(`${this.baseUrl}/events`, location.href);
    if (this.#lastId) url.searchParams.set('lastEventId', this.#lastId);
    const source = (this.#source = new EventSource(url));
    const heard = (event: MessageEvent<unknown>) => {
      this.#lastId = event.lastEventId;
      this.#failures = 0;
      this.#works = true;
    };
    source.addEventListener('ready', heard);
    source.addEventListener('reset', (event) => {
      heard(event);
      // The proxy no longer knows what this page missed (it restarted, or it was long ago): every week reloads.
      this.#drop(() => true);
    });
    source.addEventListener('change', (event: MessageEvent<unknown>) => {
      heard(event);
      const change = typeof event.data === 'string' ? readChange(event.data) : undefined;
      if (change) this.#drop((week) => changeCovers(change, week));
    });
    source.onerror = () => {
      // The browser reconnects by itself (with Last-Event-ID) unless the proxy refused the stream.
      if (source.readyState !== EventSource.CLOSED) return;
      this.#close();
      this.#works = false;
      const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.#failures++) * (0.5 + Math.random() / 2);
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        if (document.visibilityState === 'visible') this.#open();
      }, wait);
    };
  }

  #close(): void {
    this.#source?.close();
    this.#source = undefined;
    clearTimeout(this.#retry);
    this.#retry = undefined;
  }

  #refreshOld(): void {
    const before = Date.now() - FOCUS_REFRESH_MS;
    this.#drop((week) => week.fetchedAt < before);
  }

  #drop(matches: (week: WeekView) => boolean): void {
    for (const client of this.#clients.keys()) client.invalidate({ matches });
  }
}
