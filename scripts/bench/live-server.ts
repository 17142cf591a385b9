// A proxy holding many idle /events streams, in its own process so that its memory is its own: answers the
// parent's "memory" with its URL, heap and RSS after a full garbage collection.
import { parseConfig } from '../../src/proxy/config.js';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer } from '../../src/proxy/node-server.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';

const streams = Number(process.argv[2] ?? 5_000);
const config = parseConfig({
  ...demoConfig,
  rateLimit: { requestsPerMinute: 100_000, trustProxy: true },
  live: { maxStreams: streams + 100, maxStreamsPerIp: 10 },
});
const proxy = createProxy({ upstream: 'sandbox', config, log: () => {} });
const server = await startNodeServer({ proxy, port: 0, limits: { maxConnections: streams + 1_000 } });
process.on('message', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ url: server.url, heap: heapUsed, rss });
});
