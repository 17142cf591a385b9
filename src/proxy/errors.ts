import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { SECURITY_HEADERS } from './headers.js';

/** An error the proxy answers with: `{ error: { code, message, details? } }` and a fitting status. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): Response {
    const error = this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
    // x-error-code lets the request log name the failure without reading the body.
    return Response.json({ error }, { status: this.status, headers: { ...SECURITY_HEADERS, ...this.headers, 'x-error-code': this.code } });
  }
}

/** A 400 naming the request field that is wrong. */
export function invalidField(field: string, message: string): ProxyError {
  return new ProxyError(400, 'invalid_request', `${field}: ${message}`, { field });
}

/** A 400 for the first issue valibot found: the field is unknown (`unknown` names what it is), missing, or wrong. */
export function issueError(issues: [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]], root: string, unknown: string): ProxyError {
  const issue = issues[0];
  const field = v.getDotPath(issue) ?? root;
  // A strict object reports both a missing key (expecting that key) and an unknown one (expecting never).
  if (issue.type === 'strict_object') return invalidField(field, issue.expected === 'never' ? `is not a known ${unknown}` : 'is required');
  return invalidField(field, issue.input === undefined ? 'is required' : issue.message);
}
