/** The cached /slots request the throughput bench repeats: a week of Anna's haircuts, as the browser asks it. */
export const BENCH_PATH = '/slots?service=haircut&start=2030-01-06&end=2030-01-14&timeZone=UTC&staff=anna';
