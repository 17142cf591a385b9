import { ProxyError } from './errors.js';

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An upstream outage (what opens the circuit): a retryable failure, or an answer in a shape we cannot read. */
export function isOutage(error: unknown): boolean {
  return isRetryable(error) || (error instanceof ProxyError && error.code === 'upstream_bad_payload');
}

/** Failures worth asking again: timeouts, unreachable, rate limits and 5xx answers. Never a 4xx. */
function isRetryable(error: unknown): error is ProxyError {
  if (!(error instanceof ProxyError)) return false;
  if (['upstream_timeout', 'upstream_unreachable', 'upstream_rate_limited'].includes(error.code)) return true;
  const upstream = error.details?.upstreamStatus;
  return error.code === 'upstream_error' && typeof upstream === 'number' && upstream >= 500;
}

/**
 * Runs `attempt` again after retryable failures, up to `retries` more times, waiting full-jitter exponential backoff
 * or the upstream's own Retry-After. A wait longer than `maxDelayMs` is not waited for: the failure is passed on.
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? sleepFor;
  const random = policy.random ?? Math.random;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= policy.retries || !isRetryable(error)) throw error;
      const retryAfter = Number(error.headers['retry-after']);
      const delay =
        Number.isFinite(retryAfter) && retryAfter > 0
          ? retryAfter * 1000
          : Math.ceil(random() * policy.baseDelayMs * 2 ** n);
      if (delay > policy.maxDelayMs) throw error;
      await sleep(delay);
    }
  }
}

/**
 * Stops calling an upstream that keeps failing: after `failures` consecutive failures the circuit opens and calls
 * fail at once for `openMs`; then one trial call is let through, and its outcome closes or reopens the circuit.
 */
export class Circuit {
  private consecutive = 0;
  private openUntil = 0;
  private trialInFlight = false;

  constructor(
    private readonly failures: number,
    private readonly openMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.consecutive < this.failures) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  async run<T>(call: () => Promise<T>, isFailure: (error: unknown) => boolean): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      const seconds = Math.max(1, Math.ceil((this.openUntil - this.now()) / 1000));
      throw new ProxyError({
        status: 503,
        code: 'upstream_circuit_open',
        message: 'The booking service is failing; the proxy is giving it a moment before asking again.',
        headers: {
          'retry-after': String(seconds),
        },
      });
    }
    this.trialInFlight = state === 'half-open';
    try {
      const result = await call();
      this.consecutive = 0;
      return result;
    } catch (error) {
      if (isFailure(error) && ++this.consecutive >= this.failures) this.openUntil = this.now() + this.openMs;
      throw error;
    } finally {
      this.trialInFlight = false;
    }
  }
}
