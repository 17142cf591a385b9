/** Median and spread of repeated measurements. */
export interface Stats {
  runs: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
  return { runs: sorted.length, median: at(0.5), p10: at(0.1), p90: at(0.9), min: sorted[0]!, max: sorted.at(-1)! };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
