import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { BookingProxy } from './handler.js';

export interface NodeServerOptions {
  proxy: BookingProxy;
  port?: number;
  hostname?: string;
  /** Path the proxy answers under (default `/`). */
  basePath?: string;
  /** A folder of static files served beside the proxy (the demo page). */
  staticDir?: string;
}

export interface RunningServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

/** Runs the proxy's fetch handler on Node's http server, optionally beside a folder of static files. */
export function startNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const base = (options.basePath ?? '/').replace(/\/+$/, '');
  const app = new Hono();
  app.all(base ? `${base}/*` : '*', (c) => options.proxy.fetch(c.req.raw, { clientIp: getConnInfo(c).remote.address }));
  if (options.staticDir) app.use('/*', serveStatic({ root: options.staticDir }));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: options.hostname ?? '127.0.0.1' }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        server,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}
