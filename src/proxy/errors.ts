import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { SECURITY_HEADERS } from './headers.js';

/** What a ProxyError is made of; every error class of the project takes its parts in one object, in this order. */
export interface ProxyErrorOptions {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** An error the proxy answers with: `{ error: { code, message, details? } }` and a fitting status. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details?: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor({ status, code, message, details, headers = {}, cause }: ProxyErrorOptions) {
    super(message, { cause });
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  toResponse(): Response {
    const error = this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
    // x-error-code lets the request log name the failure without reading the body.
    return Response.json(
      { error },
      { status: this.status, headers: { ...SECURITY_HEADERS, ...this.headers, 'x-error-code': this.code } },
    );
  }
}

/** A 400 naming the request field that is wrong. */
export function invalidField(field: string, message: string): ProxyError {
  return new ProxyError({ status: 400, code: 'invalid_request', message: `${field}: ${message}`, details: { field } });
}

/** A 400 for the first issue valibot found: the field is unknown (`unknown` names what it is), missing, or wrong. */
export function issueError(
  issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
  root: string,
  unknown: string,
): ProxyError {
  const issue = issues[0];
  const field = v.getDotPath(issue) ?? root;
  // A strict object reports both a missing key (expecting that key) and an unknown one (expecting never).
  if (issue.type === 'strict_object')
    return invalidField(field, issue.expected === 'never' ? `is not a known ${unknown}` : 'is required');
  return invalidField(field, issue.input === undefined ? 'is required' : issue.message);
}
