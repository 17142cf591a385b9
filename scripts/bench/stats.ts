/** Median and spread of repeated measurements, and the measurements themselves (sorted). */
export interface Stats {
  runs: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  values: number[];
}

/** The value at quantile `q` of sorted `values` (the nearest rank). */
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => quantile(sorted, q);
  return {
    runs: sorted.length,
    median: at(0.5),
    p10: at(0.1),
    p90: at(0.9),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    values: sorted,
  };
}

/** A small seeded generator (mulberry32): the same resamples on every run, so an interval can be worked out again. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The change from the median of `before` to that of `after`, as a fraction (-0.4: 40 % lower). */
export interface MedianChange {
  change: number;
  /** A 95 % bootstrap interval of the change. */
  low: number;
  high: number;
}

/**
 * The change of the median from `before` to `after`, with a 95 % percentile-bootstrap interval: both sets resampled
 * with replacement `resamples` times. Frames come on a 16.7 ms clock, so a median of 15 runs moves by whole frames
 * from one run of the bench to the next: the interval says how far a single run's change can be trusted.
 */
export function medianChange(before: number[], after: number[], resamples = 2000): MedianChange {
  const random = seeded(18);
  const median = (values: number[]) => stats(values).median;
  const resample = (values: number[]) => values.map(() => values[Math.floor(random() * values.length)]!);
  const changes = Array.from({ length: resamples }, () => median(resample(after)) / median(resample(before)) - 1);
  changes.sort((a, b) => a - b);
  return {
    change: median(after) / median(before) - 1,
    low: quantile(changes, 0.025),
    high: quantile(changes, 0.975),
  };
}

/** A change as the README and BENCHMARKS.md give it: "−38.3 % (95 % interval −44.0 to −31.5 %)". */
export const percentChange = ({ change, low, high }: MedianChange) => {
  const pc = (n: number) => `${n < 0 ? '−' : '+'}${Math.abs(n * 100).toFixed(1)} %`;
  return `${pc(change)} (95 % interval ${pc(low)} to ${pc(high)})`;
};

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
