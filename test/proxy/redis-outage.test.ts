import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { addDays } from '../../src/model/dates.js';
import { createProxy, type BookingProxy } from '../../src/proxy/handler.js';
import { REDIS_CLIENT_OPTIONS } from '../../src/proxy/redis-guard.js';
import { RedisServer } from '../helpers/redis-server.js';
import { NOW, countingSandbox, demo, get } from './fixtures.js';

const server = new RedisServer();
const clients: Redis[] = [];

async function instance(): Promise<{
  proxy: BookingProxy;
  redis: Redis;
  upstream: ReturnType<typeof countingSandbox>;
}> {
  const redis = new Redis({ ...REDIS_CLIENT_OPTIONS, port: server.port });
  clients.push(redis);
  await new Promise((resolve) => redis.once('ready', resolve));
  const upstream = countingSandbox();
  const config = demo({ redis: { keyPrefix: 'outage:' } });
  return {
    proxy: createProxy({ config, upstream: upstream.fetch, now: () => NOW, redis, log: () => {} }),
    redis,
    upstream,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const weeks = ['2025-10-20', '2025-10-27', '2025-11-03', '2025-11-10'];

describe('issue 11 #4: Redis is an accelerator, never a single point of failure', () => {
  const errors: string[] = [];
  const consoleError = console.error;
  before(async () => {
    await server.start();
    // ioredis reports an error event nobody listens to on the console: there must be none.
    console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  });
  after(async () => {
    console.error = consoleError;
    for (const client of clients) client.disconnect();
    await server.stop();
  });

  it('serves /slots, /catalog and /bookings without a 5xx or a 2 s wait while Redis stops and starts under load', async (t) => {
    const { proxy, redis, upstream } = await instance();
    const { slots } = (await (
      await get(proxy, `/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=UTC`)
    ).json()) as { slots: string[] };
    const statuses = new Map<number, number>();
    let slowest = { ms: 0, what: '' };
    let served = 0;
    let booked = 0;
    const health: string[] = [];
    const deadline = Date.now() + 6_000;
    const begun = performance.now();
    const worker = async (n: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const started = performance.now();
        let res: Response;
        let what = 'slots';
        if (n === 0 && i % 10 === 0 && booked < slots.length) {
          res = await get(proxy, '/bookings', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `outage-${n}-${i}` },
            body: JSON.stringify({
              service: 'haircut',
              start: slots[booked++],
              timeZone: 'UTC',
              attendee: { name: 'Ada', email: `ada${i}@example.com` },
            }),
          });
          what = 'booking';
        } else if (i % 7 === 0) {
          res = await get(proxy, '/catalog');
          what = 'catalog';
        } else {
          const week = weeks[(n + i) % weeks.length]!;
          res = await get(proxy, `/slots?service=haircut&start=${week}&end=${addDays(week, 6)}&timeZone=UTC`);
        }
        await res.arrayBuffer();
        const took = performance.now() - started;
        if (took > slowest.ms)
          slowest = { ms: took, what: `${res.status} ${what} at ${Math.round(performance.now() - begun)} ms` };
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        served++;
        // A busy page's worth of visitors, not a tight loop that starves the event loop it measures.
        if (i % 10 === 0) await sleep(2);
      }
    };
    const chaos = (async () => {
      await sleep(1_500);
      await server.stop();
      await sleep(1_000);
      health.push(
        ((await (await get(proxy, '/health')).json()) as { status: string; reasons: string[] }).reasons.join(),
      );
      await sleep(1_500);
      await server.start();
    })();
    await Promise.all([chaos, ...Array.from({ length: 6 }, (_, n) => worker(n))]);

    t.diagnostic(
      `served ${served} requests, statuses ${JSON.stringify([...statuses])}, slowest ${Math.round(slowest.ms)} ms (${slowest.what})`,
    );
    const fiveXx = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, count]) => sum + count, 0);
    assert.equal(fiveXx, 0, `no 5xx (statuses: ${JSON.stringify([...statuses])})`);
    assert.ok(slowest.ms < 2_000, `slowest answer ${Math.round(slowest.ms)} ms: ${slowest.what}`);
    assert.ok(served > 500, `served ${served}`);
    assert.deepEqual(health, ['redis_down']);
    assert.deepEqual(
      errors.filter((line) => line.includes('ioredis')),
      [],
    );

    // It recovers by itself: Redis is used again, and /health says ok.
    for (let i = 0; i < 50 && redis.status !== 'ready'; i++) await sleep(100);
    await sleep(1_100);
    const healthy = (await (await get(proxy, '/health')).json()) as { status: string; redis: string };
    assert.deepEqual({ status: healthy.status, redis: healthy.redis }, { status: 'ok', redis: 'up' });
    const calls = upstream.calls;
    await get(proxy, '/slots?service=haircut&start=2025-12-01&end=2025-12-07&timeZone=UTC');
    assert.equal(upstream.calls, calls + 1);
    assert.ok((await redis.keys('outage:slots:*')).length > 0, 'answers are stored in Redis again');
  });

  it('never books twice under one key across an outage: a key claimed in memory still counts when Redis is back', async () => {
    const { proxy, redis, upstream } = await instance();
    const { slots } = (await (
      await get(proxy, '/slots?service=haircut&start=2025-11-17&end=2025-11-23&timeZone=UTC')
    ).json()) as { slots: string[] };
    const book = () =>
      get(proxy, '/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'across-the-outage' },
        body: JSON.stringify({
          service: 'haircut',
          start: slots[0],
          timeZone: 'UTC',
          attendee: { name: 'Ada', email: 'ada@example.com' },
        }),
      });
    await server.stop();
    for (let i = 0; i < 20 && redis.status === 'ready'; i++) await sleep(50);
    const first = await book();
    assert.equal(first.status, 201);
    await server.start();
    for (let i = 0; i < 50 && redis.status !== 'ready'; i++) await sleep(100);
    await sleep(1_100);
    const posts = upstream.sandbox.requests.filter((r) => r.method === 'POST').length;
    const again = await book();
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(upstream.sandbox.requests.filter((r) => r.method === 'POST').length, posts);
  });
});
