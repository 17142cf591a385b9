// Redis stopped and started under load: what the proxy serves meanwhile, and whether anything fails or stalls.
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer } from '../../src/proxy/node-server.js';
import { REDIS_CLIENT_OPTIONS } from '../../src/proxy/redis-guard.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { RedisServer } from '../../test/helpers/redis-server.js';
import { benchConfig } from './setup.js';

export interface Outage {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  fiveXx: number;
  otherErrors: number;
  latency: { p50: number; p99: number; max: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `seconds` of load on /slots (eight weeks, so both hits and misses); Redis is killed after a third, back after two. */
export async function redisOutage(seconds: number): Promise<Outage> {
  const redisServer = new RedisServer();
  await redisServer.start();
  const redis = new Redis({ ...REDIS_CLIENT_OPTIONS, port: redisServer.port });
  await new Promise((resolve) => redis.once('ready', resolve));
  const sandbox = createSandbox({ rateLimit: false });
  const proxy = createProxy({
    config: { ...benchConfig(), cacheTtlSeconds: 2, redis: { keyPrefix: 'bench:' } },
    upstream: sandbox.fetch,
    redis,
    log: () => {},
  });
  const server = await startNodeServer({ proxy, port: 0 });
  const monday = new Date(Date.now() + 7 * 86_400_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const weeks = Array.from({ length: 8 }, (_, i) => new Date(+monday + i * 7 * 86_400_000).toISOString().slice(0, 10));
  const requests = weeks.map((start) => ({
    method: 'GET' as const,
    path: `/slots?service=haircut&start=${start}&end=${start}&timeZone=UTC`,
  }));
  try {
    const chaos = (async () => {
      await sleep((seconds * 1000) / 3);
      await redisServer.stop();
      await sleep((seconds * 1000) / 3);
      await redisServer.start();
    })();
    const result = await autocannon({ url: server.url, requests, connections: 20, duration: seconds });
    await chaos;
    const fiveXx = result['5xx'];
    return {
      seconds,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      fiveXx,
      otherErrors: result.errors + result.non2xx - fiveXx,
      latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    };
  } finally {
    await server.close();
    redis.disconnect();
    await redisServer.stop();
  }
}
