import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ProxyConfig } from '../../src/proxy/config.js';
import { createProxy, type BookingProxy, type RequestLog } from '../../src/proxy/handler.js';
import { startNodeServer, type RunningServer } from '../../src/proxy/node-server.js';
import { NOW, WEEK, bookingOf, countingSandbox, demo } from './fixtures.js';

const SITE = 'https://salon.example';
const BASE = '/booking-api';
const ANNA = `${BASE}${WEEK}&staff=anna`;

/** Headers that may differ between two answers of the same request: the date, and the max-age counting down. */
const comparable = (response: Response) =>
  [...response.headers].filter(([name]) => !['date', 'cache-control', 'keep-alive', 'connection'].includes(name));

describe('issue 18: cached /slots hits replayed by the Node server', () => {
  const servers: RunningServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));

  /** The proxy on a Node server with a clock to move; `handled` counts the requests that reached its fetch handler. */
  async function serve(overrides: Partial<ProxyConfig> = {}) {
    let now = NOW;
    const lines: RequestLog[] = [];
    const upstream = countingSandbox();
    const proxy = createProxy({
      config: demo({ allowedOrigins: [SITE], ...overrides }),
      upstream: upstream.fetch,
      basePath: BASE,
      now: () => now,
      log: (line) => lines.push(line),
    });
    let handled = 0;
    const counted: BookingProxy = {
      ...proxy,
      fetch: (request, info) => {
        handled++;
        return proxy.fetch(request, info);
      },
    };
    const running = await startNodeServer({ proxy: counted, port: 0, basePath: BASE });
    servers.push(running);
    return {
      proxy,
      upstream,
      lines,
      get handled() {
        return handled;
      },
      tick: (ms: number) => (now += ms),
      get: (path: string, headers: Record<string, string> = {}) => fetch(`${running.url}${path}`, { headers }),
    };
  }

  it('answers a repeated hit without the handler: the same body and headers, max-age counting down', async () => {
    const server = await serve();
    const miss = await server.get(ANNA);
    assert.equal(miss.headers.get('x-cache'), 'MISS');
    const hit = await server.get(ANNA);
    assert.equal(hit.headers.get('x-cache'), 'HIT');
    assert.equal(server.handled, 2);
    server.tick(10_500);
    const replayed = await server.get(ANNA);
    assert.equal(server.handled, 2, 'the third request never reached the fetch handler');
    assert.equal(replayed.status, 200);
    assert.equal(await replayed.text(), await hit.text());
    assert.deepEqual(comparable(replayed), comparable(hit));
    assert.equal(hit.headers.get('cache-control'), 'public, max-age=60, s-maxage=60');
    assert.equal(replayed.headers.get('cache-control'), 'public, max-age=49, s-maxage=49');
    assert.equal(server.upstream.calls, 1);
  });

  it('logs a replayed hit as the handler logs a hit', async () => {
    const server = await serve();
    for (let i = 0; i < 3; i++) await server.get(ANNA);
    assert.equal(server.handled, 2);
    const [, hit, replayed] = server.lines;
    assert.deepEqual(
      { ...replayed, durationMs: 0 },
      { ...hit, durationMs: 0 },
      'same time, level, method, route, status, cache and upstream calls',
    );
    assert.equal(replayed!.route, `${BASE}/slots`);
  });

  it("keeps each Origin's answer apart: CORS and Vary as the handler gave them, none for a stranger", async () => {
    const server = await serve();
    await server.get(ANNA, { origin: SITE });
    const hit = await server.get(ANNA, { origin: SITE });
    const replayed = await server.get(ANNA, { origin: SITE });
    assert.equal(server.handled, 2);
    assert.equal(replayed.headers.get('access-control-allow-origin'), SITE);
    assert.deepEqual(comparable(replayed), comparable(hit));

    const stranger = await server.get(ANNA, { origin: 'https://elsewhere.example' });
    assert.equal(server.handled, 3, 'another Origin goes through the handler');
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    const plain = await server.get(ANNA);
    assert.equal(server.handled, 4, 'so does no Origin at all');
    assert.equal(plain.headers.get('access-control-allow-origin'), null);
    assert.equal(plain.headers.get('vary'), 'Origin');
  });

  it('stops at once when a booking drops the cached week, when the entry goes stale, and at the end of the UTC day', async () => {
    const server = await serve();
    for (let i = 0; i < 3; i++) await server.get(ANNA);
    assert.equal(server.handled, 2);
    const { slots } = (await (await server.get(ANNA)).json()) as { slots: string[] };
    const booked = await fetch(`${servers.at(-1)!.url}${BASE}/bookings`, bookingOf('anna', slots[0]!));
    assert.equal(booked.status, 201);
    const after = await server.get(ANNA);
    assert.equal(after.headers.get('x-cache'), 'MISS');
    assert.ok(!((await after.json()) as { slots: string[] }).slots.includes(slots[0]!), 'the booked time is gone');

    const handled = server.handled;
    await server.get(ANNA); // a hit again, remembered
    await server.get(ANNA); // replayed
    assert.equal(server.handled, handled + 1);
    server.tick(60_000);
    assert.equal((await server.get(ANNA)).headers.get('x-cache'), 'MISS', 'stale: asked again');
    assert.equal(server.handled, handled + 2);

    // Just before midnight UTC, then just after: the dates a request may ask for have moved.
    const midnight = Math.ceil((NOW + 1) / 86_400_000) * 86_400_000;
    server.tick(midnight - 1_000 - (NOW + 60_000));
    const late = server.handled;
    await server.get(ANNA);
    await server.get(ANNA);
    await server.get(ANNA);
    assert.equal(server.handled, late + 2, 'replayed before midnight');
    server.tick(2_000);
    await server.get(ANNA);
    assert.equal(server.handled, late + 3, 'not after it');
  });

  it('spends the rate limit: past it, the handler answers 429', async () => {
    const server = await serve({ rateLimit: { ...demo().rateLimit, requestsPerMinute: 4 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await server.get(ANNA)).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 429]);
    assert.equal(server.handled, 3, 'the third and fourth were replayed, the fifth refused by the handler');
  });

  it('counts the budget of the address behind a trusted proxy, as the handler does', async () => {
    const server = await serve({ rateLimit: { ...demo().rateLimit, requestsPerMinute: 3, trustProxy: true } });
    const from = async (ip: string) => (await server.get(ANNA, { 'x-forwarded-for': ip })).status;
    const statuses = [await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')];
    assert.equal(server.handled, 2, 'the third was replayed');
    statuses.push(await from('203.0.113.1'), await from('203.0.113.2'));
    assert.deepEqual(statuses, [200, 200, 200, 429, 200]);
  });

  it('replays nothing but GET, and nothing the handler did not answer from the cache', async () => {
    const server = await serve();
    const invalid = `${BASE}/slots?service=haircut&start=2025-10-20&end=2025-10-19&timeZone=UTC`;
    for (let i = 0; i < 3; i++) assert.equal((await server.get(invalid)).status, 400);
    assert.equal(server.handled, 3);
    for (let i = 0; i < 3; i++) await server.get(`${BASE}/catalog`);
    assert.equal(server.handled, 6);
    await server.get(ANNA);
    await server.get(ANNA);
    const head = await fetch(`${servers.at(-1)!.url}${ANNA}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(server.handled, 9, 'HEAD goes through the handler');
    await server.get(ANNA);
    assert.equal(server.handled, 9, 'the GET after it is replayed');
  });
});
