import { ProxyError } from './errors.js';

/** Open streams, per client IP and on this instance, within the configured limits. */
export class StreamCount {
  readonly #perIp = new Map<string, number>();
  readonly #closers = new Set<() => void>();
  #total = 0;
  #closed = false;

  constructor(private readonly limits: { maxStreams: number; maxStreamsPerIp: number }) {}

  get total(): number {
    return this.#total;
  }

  /** Counts one more stream, or throws 429 (this IP) or 503 (this instance); returns its release. */
  open(ip: string): () => void {
    if (this.#closed)
      throw new ProxyError({
        status: 503,
        code: 'shutting_down',
        message: 'This proxy is shutting down; the page reconnects to the next one.',
        headers: { 'retry-after': '1', connection: 'close' },
      });
    const mine = this.#perIp.get(ip) ?? 0;
    if (mine >= this.limits.maxStreamsPerIp)
      throw new ProxyError({
        status: 429,
        code: 'too_many_streams',
        message: `At most ${this.limits.maxStreamsPerIp} open streams per client.`,
        headers: { 'retry-after': '30' },
      });
    if (this.#total >= this.limits.maxStreams)
      throw new ProxyError({
        status: 503,
        code: 'streams_full',
        message: 'This proxy holds as many streams as it may; the page refreshes on focus instead.',
        headers: { 'retry-after': '30' },
      });
    this.#perIp.set(ip, mine + 1);
    this.#total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#perIp.get(ip) ?? 1) - 1;
      if (left) this.#perIp.set(ip, left);
      else this.#perIp.delete(ip);
    };
  }

  /** Runs `close` when the proxy closes (its streams end, so the server can stop); returns how to forget it. */
  onClose(close: () => void): () => void {
    this.#closers.add(close);
    return () => this.#closers.delete(close);
  }

  closeAll(): void {
    this.#closed = true;
    for (const close of this.#closers) close();
    this.#closers.clear();
  }
}
