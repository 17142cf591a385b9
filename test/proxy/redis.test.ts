import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer } from '../../src/proxy/node-server.js';
import { REDIS_CLIENT_OPTIONS } from '../../src/proxy/redis-guard.js';
import { sign } from '../../src/proxy/webhooks.js';
import { RedisServer } from '../helpers/redis-server.js';
import { NOW, WEEK, bookingOf, countingSandbox, demo, get } from './fixtures.js';

// A real redis-server, shared by two proxy "instances".
const server = new RedisServer();
const SECRET = 'whsec_0123456789abcdef';
const clients: Redis[] = [];

/** A client as the proxy's CLI makes it, once it is ready (before, the proxy would run on memory). */
async function client(): Promise<Redis> {
  const redis = new Redis({ ...REDIS_CLIENT_OPTIONS, port: server.port });
  clients.push(redis);
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
}

/** A proxy instance on its own client. */
async function instance(upstream: ReturnType<typeof countingSandbox>, overrides: Parameters<typeof demo>[0] = {}) {
  const redis = await client();
  const config = demo({ webhookSecret: SECRET, redis: { keyPrefix: 'test:' }, ...overrides });
  return createProxy({ config, upstream: upstream.fetch, now: () => NOW, redis, log: () => {} });
}

describe('proxy on Redis: several instances share cache, invalidation and rate limits', () => {
  before(async () => {
    await server.start();
    await client();
  });
  beforeEach(async () => {
    await clients[0]!.flushall();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
    await server.stop();
  });

  it("one instance's answer is a hit on the other", async () => {
    const upstream = countingSandbox();
    const [a, b] = await Promise.all([instance(upstream), instance(upstream)]);
    assert.equal((await get(a, WEEK)).headers.get('x-cache'), 'MISS');
    const fromB = await get(b, WEEK);
    assert.equal(fromB.headers.get('x-cache'), 'HIT');
    assert.ok(Number(/max-age=(\d+)/.exec(fromB.headers.get('cache-control') ?? '')?.[1]) <= 60);
    assert.equal(upstream.calls, 1);
  });

  it('a booking through one instance drops the cached week for all of them', async () => {
    const upstream = countingSandbox();
    const [a, b] = await Promise.all([instance(upstream), instance(upstream)]);
    const slots = ((await (await get(b, `${WEEK}&staff=ben`)).json()) as { slots: string[] }).slots;
    await get(b, WEEK); // "any available" for the same service
    const res = await get(a, '/bookings', bookingOf('ben', slots[0]!));
    assert.equal(res.status, 201);
    for (const path of [`${WEEK}&staff=ben`, WEEK]) {
      const again = await get(b, path);
      assert.equal(again.headers.get('x-cache'), 'MISS', path);
    }
    assert.ok(!((await (await get(b, `${WEEK}&staff=ben`)).json()) as { slots: string[] }).slots.includes(slots[0]!));
  });

  it('an instance on a Node server replays no hit from memory: a booking on another shows at once', async () => {
    const upstream = countingSandbox();
    const [a, b] = await Promise.all([instance(upstream), instance(upstream)]);
    const running = await startNodeServer({ proxy: b, port: 0 });
    try {
      const week = () => fetch(`${running.url}${WEEK}&staff=ben`);
      const { slots } = (await (await week()).json()) as { slots: string[] };
      for (let i = 0; i < 2; i++) assert.equal((await week()).headers.get('x-cache'), 'HIT');
      const res = await get(a, '/bookings', bookingOf('ben', slots[0]!));
      assert.equal(res.status, 201);
      const after = await week();
      assert.equal(after.headers.get('x-cache'), 'MISS');
      assert.ok(!((await after.json()) as { slots: string[] }).slots.includes(slots[0]!));
    } finally {
      await running.close();
    }
  });

  it('a webhook received by one instance drops the week cached by another', async () => {
    const upstream = countingSandbox();
    const [a, b] = await Promise.all([instance(upstream), instance(upstream)]);
    await get(a, WEEK);
    const body = JSON.stringify({
      triggerEvent: 'BOOKING_CANCELLED',
      createdAt: new Date(NOW).toISOString(),
      payload: { eventTypeId: 1001 },
    });
    const hook = await b.fetch(
      new Request('http://proxy.test/webhooks/calcom', {
        method: 'POST',
        headers: { 'x-cal-signature-256': await sign(SECRET, body) },
        body,
      }),
    );
    assert.deepEqual(await hook.json(), { received: true, dropped: 1 });
    assert.equal((await get(a, WEEK)).headers.get('x-cache'), 'MISS');
  });

  it('counts one rate limit per IP across instances', async () => {
    const upstream = countingSandbox();
    const limits = {
      rateLimit: { ...demo().rateLimit, requestsPerMinute: 3, bookingsPerMinute: 1, webhooksPerMinute: 100 },
    };
    const [a, b] = await Promise.all([instance(upstream, limits), instance(upstream, limits)]);
    const from = (proxy: typeof a) => proxy.fetch(new Request(`http://proxy.test${WEEK}`), { clientIp: '203.0.113.7' });
    assert.deepEqual([(await from(a)).status, (await from(b)).status, (await from(a)).status], [200, 200, 200]);
    const over = await from(b);
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('retry-after')) >= 1);
  });

  it('serves stale slots from Redis when Cal.com fails after they expired', async () => {
    const upstream = countingSandbox();
    let clock = NOW;
    const redis = await client();
    let failing = false;
    const config = demo({ redis: { keyPrefix: 'test:' } });
    const proxy = createProxy({
      config: { ...config, upstream: { ...config.upstream, retries: 0 } },
      upstream: (r) => (failing ? Promise.resolve(Response.json({}, { status: 500 })) : upstream.fetch(r)),
      now: () => clock,
      redis,
      log: () => {},
    });
    await get(proxy, WEEK);
    failing = true;
    clock += 61_000;
    const stale = await get(proxy, WEEK);
    assert.equal(stale.headers.get('x-cache'), 'STALE');
    assert.equal(((await stale.json()) as { stale?: boolean }).stale, true);
  });
});
