import { en } from '../public/strings.js';
import { BookingApiError, abortError } from './errors.js';
import { ErrorBodySchema } from './schemas.js';
import { conform, type Shape } from './shape.js';

export interface ProxyFetchOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  signal: AbortSignal;
  init?: RequestInit;
}

/** Fetches a proxy URL and validates the JSON answer, turning every failure into a BookingApiError. */
export async function fetchJson<T>(
  url: string,
  shape: Shape<T>,
  { fetch: fetchImpl, timeoutMs, signal, init }: ProxyFetchOptions,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response | undefined;
  let body: unknown;
  try {
    response = await fetchImpl(url, {
      ...init,
      signal: AbortSignal.any([signal, timeout]),
      headers: { accept: 'application/json', ...init?.headers },
    });
    body = await response.json().catch(() => undefined);
  } catch (error) {
    if (!signal.aborted && !timeout.aborted) {
      throw new BookingApiError({
        kind: 'network',
        message: en.errors.network!,
        cause: error,
      });
    }
  }
  // Cut off while sending or while reading the answer: the caller gave up, or the proxy took too long.
  if (signal.aborted) throw abortError();
  if (timeout.aborted || !response) throw new BookingApiError({ kind: 'timeout', message: en.errors.timeout! });
  if (!response.ok) {
    const parsed = conform(ErrorBodySchema, body);
    const error =
      'value' in parsed
        ? parsed.value.error
        : { code: 'http', message: `The booking service answered ${response.status}.`, details: undefined };
    throw new BookingApiError({
      kind: 'http',
      message: error.message,
      code: error.code,
      status: response.status,
      field: error.details?.field,
    });
  }
  const parsed = conform(shape, body);
  if ('wrong' in parsed)
    throw new BookingApiError({
      kind: 'bad_payload',
      message: `Unexpected answer at ${parsed.wrong}.`,
    });
  return parsed.value;
}

/** Waits `ms` (0: a task later), or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return withAbort(new Promise<void>((resolve) => setTimeout(resolve, ms)), signal);
}

/** Resolves with `promise`, or rejects with an AbortError as soon as `signal` aborts. */
export function withAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error || error instanceof DOMException ? error : new Error(String(error)));
      },
    );
  });
}
