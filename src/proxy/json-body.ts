import type { Context } from 'hono';
import * as v from 'valibot';
import { ProxyError, invalidField, issueError } from './errors.js';

/**
 * The request's JSON body, read as `schema`: 415 unless it is sent as application/json, 400 naming the field that
 * is wrong otherwise. Size is limited before (bodyLimited).
 */
export async function jsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ProxyError({
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send the body as application/json.',
      details: { field: 'content-type' },
    });
  }
  const body: unknown = await c.req.json().catch(() => {
    throw new ProxyError({
      status: 400,
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
      details: { field: 'body' },
    });
  });
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidField('body', 'must be a JSON object');
  const result = v.safeParse(schema, body);
  if (!result.success) throw issueError(result.issues, 'body', 'field');
  return result.output;
}
