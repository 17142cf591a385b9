// A server for the throughput bench, in its own process so that autocannon does not share its event loop:
// `proxy` is the booking proxy (cache warmed), `handler` the same with no hit replayed, `bare` a plain node:http
// server answering the same bytes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer } from '../../src/proxy/node-server.js';

import { BENCH_PATH, benchConfig } from './setup.js';

const mode = process.argv[2];
// Exit on SIGTERM rather than die of it, so that a --cpu-prof run writes its profile (bench:proxy-profile).
process.on('SIGTERM', () => process.exit(0));
const FROZEN = Date.parse('2030-01-01T00:00:00Z'); // the cached answer stays fresh for the whole run
const proxy = createProxy({
  config: benchConfig(),
  upstream: 'sandbox',
  log: () => {},
  now: () => FROZEN,
});
const warm = await proxy.fetch(new Request(`http://x${BENCH_PATH}`));
const body = await warm.text();
// The proxy's own headers, and its length: the proxy's server sends content-length, and so must the bare one, or
// the bare one pays for chunked encoding.
const headers = {
  ...Object.fromEntries([...warm.headers].filter(([name]) => name !== 'x-cache')),
  'content-length': String(Buffer.byteLength(body)),
};

if (mode === 'bare') {
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
} else {
  // `handler`: every request through the fetch handler, as before the Node server replayed hits (issue 18).
  const served = mode === 'handler' ? { ...proxy, replay: () => undefined } : proxy;
  const running = await startNodeServer({ proxy: served, port: 0 });
  console.log(running.url);
}
