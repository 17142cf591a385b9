/**
 * Holds the page's timeouts of one delay (a loader's SLOW_LOAD_MS, say) until the test fires them: which of them a
 * later step cleared can then be seen whatever the machine's speed. Timeouts of other delays run as usual.
 */
export function holdTimeouts(delay: number) {
  const { setTimeout: set, clearTimeout: clear } = window;
  const held = new Map<number, () => void>();
  // Negative ids: never one of the browser's, so clearing a real timeout never drops a held one.
  let next = -1;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    if (ms !== delay || typeof handler !== 'function') return set(handler, ms, ...args);
    const id = next--;
    const run = handler as (...params: unknown[]) => void;
    held.set(id, () => run(...args));
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id === undefined || !held.delete(id)) clear(id);
  }) as typeof window.clearTimeout;
  return {
    /** The ids of the timeouts still held, oldest first. */
    get ids(): number[] {
      return [...held.keys()];
    },
    /** Runs the given held timeouts (all by default) that nothing cleared. */
    fire(ids: number[] = [...held.keys()]): void {
      for (const id of ids) {
        const run = held.get(id);
        held.delete(id);
        run?.();
      }
    },
    restore(): void {
      Object.assign(window, { setTimeout: set, clearTimeout: clear });
    },
  };
}
