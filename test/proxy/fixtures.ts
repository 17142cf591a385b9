import { parseConfig, type ProxyConfig } from '../../src/proxy/config.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';

export const NOW = Date.parse('2025-10-20T06:00:00Z'); // Monday 08:00 in Berlin
export const API_KEY = 'cal_test_0123456789abcdefSECRET';

/** The demo config with limits out of the way of tests that are not about them, and quick retries. */
export function demo(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const config = parseConfig(demoConfig);
  return {
    ...config,
    rateLimit: { ...config.rateLimit, requestsPerMinute: 100_000, bookingsPerMinute: 100_000 },
    upstream: { ...config.upstream, retryBaseDelayMs: 1, requestsPerMinute: 100_000 },
    ...overrides,
  };
}

/** A sandbox behind a counting fetch: how many requests reached "Cal.com". */
export function countingSandbox() {
  const sandbox = createSandbox({ now: () => NOW, rateLimit: false });
  let calls = 0;
  return {
    sandbox,
    get calls() {
      return calls;
    },
    fetch: (request: Request) => {
      calls++;
      return sandbox.fetch(request);
    },
  };
}

export const get = (proxy: { fetch(r: Request): Promise<Response> }, path: string, init?: RequestInit) =>
  proxy.fetch(new Request(`http://proxy.test${path}`, init));

export const WEEK = '/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=Europe/Berlin';

/** A POST /bookings of `start` with `staff` (Berlin, a short attendee), as fetch options. */
export const bookingOf = (staff: string, start: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    service: 'haircut',
    staff,
    start,
    timeZone: 'Europe/Berlin',
    attendee: { name: 'Ada', email: 'ada@example.com' },
  }),
});
