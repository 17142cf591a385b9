import type { Redis } from 'ioredis';
import * as v from 'valibot';
import type { RedisGuard } from './redis-guard.js';

/**
 * What changed, as open widgets are told: which services' times, for which staff (null: any of them), on which
 * UTC dates (absent: any date). Never who booked.
 */
export interface SlotChange {
  services: string[];
  staff: string[] | null;
  from?: string;
  to?: string;
}

/** A change with the id a stream resumes from (SSE Last-Event-ID). */
export interface ChangeEvent extends SlotChange {
  id: string;
}

const ChangeEventSchema = v.object({
  id: v.string(),
  services: v.array(v.string()),
  staff: v.nullable(v.array(v.string())),
  from: v.optional(v.string()),
  to: v.optional(v.string()),
});

export interface ChangeFeedOptions {
  /** With Redis, changes go through its pub/sub, so every instance's streams hear every instance's changes. */
  guard?: RedisGuard;
  /** A connection of its own for SUBSCRIBE (a subscribed ioredis client can do nothing else). */
  subscriber?: Redis;
  prefix?: string;
  /** How many recent changes are kept for streams that resume. */
  replay?: number;
}

/**
 * The changes of slot answers, in order, for the /events streams. Ids are global through Redis (one INCR) and
 * local otherwise, prefixed by this process's start so that a stream resuming across a restart is told to reload
 * (`since` answers undefined) instead of missing what happened meanwhile.
 */
export class ChangeFeed {
  readonly #listeners = new Set<(event: ChangeEvent) => void>();
  readonly #recent: ChangeEvent[] = [];
  readonly #local = `l${Date.now().toString(36)}-`;
  #sequence = 0;
  readonly #channel: string;
  readonly #replay: number;

  constructor(private readonly options: ChangeFeedOptions = {}) {
    this.#channel = `${options.prefix ?? 'booking-flow:'}changes`;
    this.#replay = options.replay ?? 1_000;
    const { subscriber } = options;
    if (!subscriber) return;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.#channel) return;
      const parsed = v.safeParse(ChangeEventSchema, safeJson(text));
      if (parsed.success) this.#deliver(parsed.output);
    });
    // Without an offline queue a command waits for the connection; ioredis subscribes again after reconnecting.
    const subscribe = () => void subscriber.subscribe(this.#channel).catch(() => undefined);
    subscriber.on('ready', subscribe);
    if (subscriber.status === 'ready') subscribe();
  }

  /**
   * The id of the newest change this instance has seen; before any, one of this process's own, so that a page
   * that resumes with it after a restart is told to reload.
   */
  get lastId(): string {
    return this.#recent.at(-1)?.id ?? `${this.#local}0`;
  }

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The changes after `id`, or undefined when it is not among the recent ones (too old, or from before a restart). */
  since(id: string): ChangeEvent[] | undefined {
    if (id === this.lastId) return [];
    const index = this.#recent.findIndex((event) => event.id === id);
    return index < 0 ? undefined : this.#recent.slice(index + 1);
  }

  /**
   * Tells every stream. Through Redis when it answers (this instance hears its own change back from the channel,
   * in the same order as every other instance); here alone while it does not.
   */
  async publish(change: SlotChange): Promise<void> {
    const { guard, subscriber } = this.options;
    const local = () => {
      this.#deliver({ ...change, id: `${this.#local}${++this.#sequence}` });
      return Promise.resolve();
    };
    if (!guard || !subscriber) return local();
    await guard.run(async () => {
      const id = await guard.redis.incr(`${this.#channel}:id`);
      await guard.redis.publish(this.#channel, JSON.stringify({ ...change, id: `r${id}` }));
    }, local);
  }

  #deliver(event: ChangeEvent): void {
    this.#recent.push(event);
    if (this.#recent.length > this.#replay) this.#recent.splice(0, this.#recent.length - this.#replay);
    for (const listener of this.#listeners) listener(event);
  }

  async close(): Promise<void> {
    this.#listeners.clear();
    await this.options.subscriber?.quit().catch(() => undefined);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
