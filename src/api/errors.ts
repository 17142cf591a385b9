import type { ErrorDetail } from '../public/events.js';
import { en } from '../public/strings.js';

/** Why a request to the proxy failed. `http` carries the proxy's own error code when it sent one. */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'bad_payload';

/** What a BookingApiError is made of, in one object as for every error class of the project. */
export interface BookingApiErrorOptions {
  kind: ApiErrorKind;
  /** The proxy's `error.code` (e.g. `slot_unavailable`); the kind when there is none. */
  code?: string;
  message: string;
  /** The HTTP status, for `http` errors. */
  status?: number;
  /** The request field the proxy named (e.g. `answers.consent`), for a 400. */
  field?: string;
  cause?: unknown;
}

/** A failed proxy call. Never cached, always retryable by asking again. */
export class BookingApiError extends Error {
  override readonly name = 'BookingApiError';
  readonly kind: ApiErrorKind;
  readonly code: string;
  readonly status?: number;
  readonly field?: string;

  constructor({ kind, code = kind, message, status, field, cause }: BookingApiErrorOptions) {
    super(message, { cause });
    this.kind = kind;
    this.code = code;
    this.status = status;
    this.field = field;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function abortError(): DOMException {
  // Never shown: an aborted load is one nobody waits for any more.
  return new DOMException('', 'AbortError');
}

/** What a failed call tells the visitor and the page's listeners: the proxy's code and message, or ours. */
export function errorDetail(error: unknown): ErrorDetail {
  if (error instanceof BookingApiError) return { code: error.code, message: error.message };
  // Not our error (a bug, not the network): nothing more to tell than the element's own "could not be loaded".
  return { code: 'unknown', message: '' };
}

/** The error of an element that has no client: no <booking-flow> with a proxy-url around it, and none set. */
export function noClientError(): BookingApiError {
  return new BookingApiError({ kind: 'network', code: 'no_client', message: en.errors.no_client! });
}
