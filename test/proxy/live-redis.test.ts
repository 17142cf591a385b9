import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createProxy } from '../../src/proxy/handler.js';
import { REDIS_CLIENT_OPTIONS } from '../../src/proxy/redis-guard.js';
import { RedisServer } from '../helpers/redis-server.js';
import { SseReader } from '../helpers/sse.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

// Issue 13 across instances: two proxies on one real redis-server.
const server = new RedisServer();
const clients: Redis[] = [];
const proxies: ReturnType<typeof createProxy>[] = [];

async function instance(upstream: ReturnType<typeof countingSandbox>, overrides: Parameters<typeof demo>[0] = {}) {
  const redis = new Redis({ ...REDIS_CLIENT_OPTIONS, port: server.port });
  clients.push(redis);
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  const config = demo({ redis: { keyPrefix: 'live:' }, ...overrides });
  const proxy = createProxy({ config, upstream: upstream.fetch, now: () => NOW, redis, log: () => {} });
  proxies.push(proxy);
  // The change feed's own connection subscribes once it is ready.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return proxy;
}

const stream = async (proxy: ReturnType<typeof createProxy>, headers: Record<string, string> = {}) =>
  new SseReader(await get(proxy, '/events', { headers }));

const slotsOf = async (proxy: ReturnType<typeof createProxy>, path = `${WEEK}&staff=ben`) =>
  ((await (await get(proxy, path)).json()) as { slots: string[] }).slots;

const book = (proxy: ReturnType<typeof createProxy>, start: string) =>
  get(proxy, '/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'haircut',
      staff: 'ben',
      start,
      timeZone: 'Europe/Berlin',
      attendee: { name: 'Ada', email: 'ada@example.com' },
    }),
  });

describe('issue 13 on Redis: changes, cold misses and the upstream budget shared by instances', () => {
  before(() => server.start());
  beforeEach(async () => {
    const admin = new Redis({ port: server.port });
    await admin.flushall();
    admin.disconnect();
  });
  after(async () => {
    await Promise.all(proxies.map((p) => p.close().catch(() => undefined)));
    for (const client of clients) client.disconnect();
    await server.stop();
  });

  it('a booking on one instance reaches the streams of both, with one global id, and resumes on either', async () => {
    const upstream = countingSandbox();
    const [a, b] = [await instance(upstream), await instance(upstream)];
    const onA = await stream(a);
    const onB = await stream(b);
    await Promise.all([onA.next(), onB.next()]);
    const [first, second] = await slotsOf(a);
    assert.equal((await book(a, first!)).status, 201);
    const [fromA, fromB] = await Promise.all([onA.next(), onB.next()]);
    assert.equal(fromB.event, 'change');
    assert.equal(fromA.id, fromB.id);
    assert.match(fromB.id!, /^r\d+$/);
    await onA.close();
    // Missed on A while away, resumed on B.
    await book(b, second!);
    const resumed = await stream(b, { 'last-event-id': fromA.id! });
    assert.equal((await resumed.next()).event, 'ready');
    assert.deepEqual((JSON.parse((await resumed.next()).data) as { staff: string[] }).staff, ['ben']);
    await Promise.all([onB.close(), resumed.close()]);
  });

  it('1,000 concurrent identical cold misses split over two instances make one upstream call', async () => {
    const upstream = countingSandbox();
    const [a, b] = [await instance(upstream), await instance(upstream)];
    const answers = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => get(i % 2 ? b : a, WEEK).then((r) => r.status)),
    );
    assert.deepEqual([...new Set(answers)], [200]);
    assert.equal(upstream.calls, 1);
  });

  it('keeps every instance together within upstream.requestsPerMinute, failing fast (or stale) past it', async () => {
    const upstream = countingSandbox();
    const budget = { upstream: { ...demo().upstream, requestsPerMinute: 3 } };
    const [a, b] = [await instance(upstream, budget), await instance(upstream, budget)];
    const week = (n: number) => `/slots?service=haircut&start=2025-10-${20 + n}&end=2025-10-${20 + n}&timeZone=UTC`;
    assert.equal((await get(a, week(0))).status, 200);
    assert.equal((await get(b, week(1))).status, 200);
    assert.equal((await get(a, week(2))).status, 200);
    const past = await get(b, week(3));
    assert.equal(past.status, 503);
    assert.equal(((await past.json()) as { error: { code: string } }).error.code, 'upstream_budget_exhausted');
    assert.ok(Number(past.headers.get('retry-after')) > 0);
    assert.equal(upstream.calls, 3);
    // Bookings count too, and fail before reaching Cal.com (nothing booked, the visitor may retry).
    const booking = await book(b, '2025-10-21T08:00:00Z');
    assert.equal(booking.status, 503);
    assert.equal(upstream.calls, 3);
  });
});
