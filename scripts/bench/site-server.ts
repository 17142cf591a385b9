// The bench pages' site, in its own process as a site's server is: the page and the files of each bundle given
// (`/0/bench.html` loads the first one's script), and the proxy on the sandbox under /booking-api. It prints its URL.
// Playwright's page.route served them before: that pauses every request of the page, the proxy's too, on a round
// trip through the bench's own event loop, tens of ms that no visitor waits for.
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createProxy } from '../../src/proxy/handler.js';
import { benchConfig } from './setup.js';

const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<script type="module" src="booking-flow.js"></script></head>
<body><booking-flow proxy-url="/booking-api" branch="berlin" service="haircut" staff="anna" time-zone="Europe/Berlin" locale="en-GB" theme="light"></booking-flow></body></html>`;

const dists = process.argv.slice(2);
const proxy = createProxy({ upstream: 'sandbox', config: benchConfig(), basePath: '/booking-api', log: () => {} });
const app = new Hono()
  .all('/booking-api/*', (c) => proxy.fetch(c.req.raw, { clientIp: '127.0.0.1' }))
  .get('/:bundle/bench.html', (c) => c.html(PAGE))
  .get('/:bundle/:file{[\\w-]+\\.js}', async (c) => {
    const dist = dists[Number(c.req.param('bundle'))];
    if (!dist) return c.notFound();
    const body = await readFile(join(dist, c.req.param('file'))).catch(() => undefined);
    return body ? c.body(body, 200, { 'content-type': 'text/javascript' }) : c.notFound();
  });
const listener = getRequestListener(app.fetch);
const server = createServer((req, res) => void listener(req, res));
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
// The bench holds the other end of stdin: once it is gone (ended, or killed mid-run), so is the site.
process.stdin.on('end', () => process.exit(0)).resume();
