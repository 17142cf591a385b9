// A server for the throughput bench, in its own process so that autocannon does not share its event loop:
// `proxy` is the booking proxy (cache warmed), `bare` a plain node:http server answering the same JSON.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer } from '../../src/proxy/node-server.js';

import { BENCH_PATH, benchConfig } from './setup.js';

const mode = process.argv[2];
// Exit on SIGTERM rather than die of it, so that a --cpu-prof run writes its profile (bench:proxy-profile).
process.on('SIGTERM', () => process.exit(0));
const proxy = createProxy({
  config: benchConfig(),
  upstream: 'sandbox',
  log: () => {},
  now: () => Date.parse('2030-01-01T00:00:00Z'), // the cached answer stays fresh for the whole run
});
const warm = await proxy.fetch(new Request(`http://x${BENCH_PATH}`));
const body = await warm.text();
const headers = Object.fromEntries([...warm.headers].filter(([name]) => name !== 'x-cache'));

if (mode === 'bare') {
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
} else {
  const running = await startNodeServer({ proxy, port: 0 });
  console.log(running.url);
}
