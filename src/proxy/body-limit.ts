import { bodyLimit } from 'hono/body-limit';
import { ProxyError } from './errors.js';

/**
 * Refuses a body over `maxSize` bytes with a JSON 413, before it is read in full. The answer closes the
 * connection: the unread rest of the body would otherwise be taken for the next request on it.
 */
export function bodyLimited(maxSize: number, what: string) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ProxyError({
        status: 413,
        code: 'body_too_large',
        message: `${what} may be at most ${maxSize} bytes.`,
        details: { field: 'body' },
        headers: { connection: 'close' },
      });
    },
  });
}
