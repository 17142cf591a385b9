/** Why a request to the proxy failed. `http` carries the proxy's own error code when it sent one. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'bad_payload';

/** A failed proxy call. Never cached, always retryable by asking again. */
export class BookingApiError extends Error {
  override readonly name = 'BookingApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** The proxy's `error.code` (e.g. `slot_unavailable`), or the kind when there is none. */
    readonly code: string = kind,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function abortError(): DOMException {
  return new DOMException('The request was superseded or cancelled.', 'AbortError');
}
