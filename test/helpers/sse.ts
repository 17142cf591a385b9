/** One Server-Sent Event as a browser's EventSource would dispatch it (comments kept apart, for heartbeats). */
export interface SseEvent {
  event: string;
  id?: string;
  data: string;
  retry?: number;
}

/**
 * Reads an SSE response as it arrives: `next()` waits for the next event (failing after `timeoutMs`),
 * `comments` counts heartbeat comments, `close()` cancels the body as a browser leaving would.
 */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  readonly #events: SseEvent[] = [];
  #buffer = '';
  comments = 0;

  constructor(readonly response: Response) {
    this.#reader = response.body!.getReader();
  }

  async next(timeoutMs = 2_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.#events.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no event in time');
      const chunk = await Promise.race([
        this.#reader.read(),
        new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), left)),
      ]);
      if (chunk === 'late') throw new Error('no event in time');
      if (chunk.done) throw new Error('the stream ended');
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
      this.#parse();
    }
    return this.#events.shift()!;
  }

  /** Resolves false if an event arrives within `ms`, true if none did. */
  async quietFor(ms: number): Promise<boolean> {
    try {
      await this.next(ms);
      return false;
    } catch {
      return true;
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }

  #parse(): void {
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const event: SseEvent = { event: 'message', data: '' };
      const data: string[] = [];
      let fields = 0;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments++;
          continue;
        }
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        fields++;
        if (name === 'event') event.event = value;
        else if (name === 'data') data.push(value);
        else if (name === 'id') event.id = value;
        else if (name === 'retry') event.retry = Number(value);
      }
      if (!fields) continue;
      event.data = data.join('\n');
      this.#events.push(event);
    }
  }
}
