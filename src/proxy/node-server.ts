import { getRequestListener } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BookingProxy } from './handler.js';
import { staticFiles } from './static-files.js';

/** How long and how many: a slow or idle client cannot hold the server's connections for long. */
export interface ConnectionLimits {
  /** Time for a whole request, body included (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** Time for the request's headers (headersTimeout). */
  headersTimeoutMs: number;
  /** Idle time on a kept-alive connection (keepAliveTimeout). */
  keepAliveTimeoutMs: number;
  /** Open connections at most; more are refused. */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 2_000,
};

export interface NodeServerOptions {
  proxy: BookingProxy;
  port?: number;
  hostname?: string;
  /** Path the proxy answers under (default `/`). */
  basePath?: string;
  /** A folder of static files served beside the proxy (the demo page). */
  staticDir?: string;
  limits?: Partial<ConnectionLimits>;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Runs the proxy's fetch handler on Node's http server, optionally beside a folder of static files. */
export function startNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const base = (options.basePath ?? '/').replace(/\/+$/, '');
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const app = new Hono();
  // Files first, so that without a base path a file is served and anything else reaches the proxy.
  if (options.staticDir) {
    app.use(
      '*',
      staticFiles(options.staticDir, (path) => base !== '' && path.startsWith(`${base}/`)),
    );
  }
  app.all(base ? `${base}/*` : '*', async (c) => {
    const response = await options.proxy.fetch(c.req.raw, { clientIp: getConnInfo(c).remote.address });
    // A failed request that carried a body (a 413, 415 or 429 answered before reading it) closes the connection:
    // the unread rest of the body would otherwise be read as the next request. GETs keep their connection.
    if (response.status >= 400 && c.req.method !== 'GET' && c.req.method !== 'HEAD')
      response.headers.set('connection', 'close');
    return response;
  });
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks those timeouts (its default, 30 s, would let them run far over).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 2)),
    },
    replaying(options.proxy, getRequestListener(app.fetch)),
  );
  server.maxConnections = limits.maxConnections;
  return new Promise((resolve) => {
    server.listen(options.port ?? 8787, options.hostname ?? '127.0.0.1', () => {
      const info = server.address() as AddressInfo;
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        server,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Kept-alive connections with nothing in flight would hold the close for their whole timeout.
            server.closeIdleConnections();
          }),
      });
    });
  });
}

/**
 * Answers the proxy's replayable hits straight from `incoming`, everything else through `listener` (Hono's): on a
 * cached /slots hit, building the web Request and Response costs more than the rest of the answer.
 */
function replaying(
  proxy: BookingProxy,
  listener: (incoming: IncomingMessage, outgoing: ServerResponse) => Promise<void>,
): RequestListener {
  return (incoming, outgoing) => {
    const hit = proxy.replay({
      method: incoming.method ?? '',
      path: incoming.url ?? '',
      origin: rawHeader(incoming, 'origin'),
      forwardedFor: () => rawHeader(incoming, 'x-forwarded-for') ?? null,
      socketIp: incoming.socket.remoteAddress,
    });
    if (!hit) return void listener(incoming, outgoing);
    hit.then(
      (answer) => {
        if (!answer) return void listener(incoming, outgoing);
        outgoing.writeHead(200, answer.headers);
        outgoing.end(answer.body);
      },
      () => void listener(incoming, outgoing),
    );
  };
}

/**
 * A header's value, several joined as Headers.get joins them, read from the raw list: Node builds `headers` only
 * when asked, which a cached hit would pay for nothing.
 */
function rawHeader(incoming: IncomingMessage, name: string): string | undefined {
  let value: string | undefined;
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name)
      value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
  return value;
}
