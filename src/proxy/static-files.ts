import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { BlankEnv } from 'hono/types';
import { realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { FILE_HEADERS } from './headers.js';

/**
 * For the demo pages: their own scripts and styles only (Lit's styles are constructed sheets, not inline; the inline
 * styles are the demo pages' own), and Trusted Types, through which Lit's templates pass as the `lit-html` policy.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Files from `root` for GET and HEAD (but paths `skip` names), falling through to the next handler when there is none. Never a dotfile
 * or dot folder (.env, .git), never a file reached through a link that leaves the root; nosniff and a referrer
 * policy on every file, and a CSP on HTML pages.
 */
export function staticFiles(root: string, skip: (path: string) => boolean = () => false): MiddlewareHandler<BlankEnv> {
  const realRoot = realpathSync(resolve(root));
  const serve = serveStatic<BlankEnv>({
    root,
    onFound: (_path, c) => {
      for (const [name, value] of Object.entries(FILE_HEADERS)) c.header(name, value);
      if (/\.html?$/.test(_path)) c.header('content-security-policy', PAGE_CSP);
    },
  });
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || skip(c.req.path) || !insideRoot(realRoot, c.req.path))
      return next();
    return serve(c, next);
  };
}

function insideRoot(realRoot: string, urlPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (path.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return false;
  let real: string;
  try {
    real = realpathSync(join(realRoot, path));
  } catch {
    // Nothing there: serveStatic will find nothing either and pass the request on.
    return true;
  }
  return real === realRoot || real.startsWith(realRoot + sep);
}
