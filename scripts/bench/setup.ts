import { parseConfig, type ProxyConfig } from '../../src/proxy/config.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';

/** The cached /slots request the throughput bench repeats: a week of Anna's haircuts, as the browser asks it. */
export const BENCH_PATH = '/slots?service=haircut&start=2030-01-06&end=2030-01-14&timeZone=UTC&staff=anna';

/** The demo config with rate limits out of the way of a load test. */
export function benchConfig(): ProxyConfig {
  const config = parseConfig(demoConfig);
  return {
    ...config,
    horizonDays: 3_650,
    rateLimit: { ...config.rateLimit, requestsPerMinute: 10_000_000, bookingsPerMinute: 100, webhooksPerMinute: 100 },
  };
}
