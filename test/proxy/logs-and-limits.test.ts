import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { ProxyConfig } from '../../src/proxy/config.js';
import { createProxy, type RequestLog } from '../../src/proxy/handler.js';
import { API_KEY, NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

const CALCOM = 'https://api.cal.com/v2';

describe('proxy: request logs', () => {
  it('writes one JSON line per request: route, status, duration, cache and upstream calls, no personal data', async () => {
    const lines: RequestLog[] = [];
    const upstream = countingSandbox();
    const proxy = createProxy({
      config: demo(),
      upstream: upstream.fetch,
      now: () => NOW,
      log: (line) => lines.push(line),
    });
    const slots = ((await (await get(proxy, WEEK)).json()) as { slots: string[] }).slots;
    await get(proxy, WEEK);
    await get(proxy, '/slots?service=nails&start=2025-10-20&end=2025-10-26&timeZone=UTC');
    await get(proxy, '/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'haircut',
        start: slots[0],
        timeZone: 'Europe/Berlin',
        attendee: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958' },
      }),
    });
    assert.equal(lines.length, 4);
    assert.deepEqual(
      lines.map(({ method, route, status, cache, upstreamCalls, error }) => ({
        method,
        route,
        status,
        cache,
        upstreamCalls,
        error,
      })),
      [
        { method: 'GET', route: '/slots', status: 200, cache: 'MISS', upstreamCalls: 1, error: undefined },
        { method: 'GET', route: '/slots', status: 200, cache: 'HIT', upstreamCalls: 0, error: undefined },
        { method: 'GET', route: '/slots', status: 404, cache: undefined, upstreamCalls: 0, error: 'unknown_service' },
        { method: 'POST', route: '/bookings', status: 201, cache: undefined, upstreamCalls: 1, error: undefined },
      ],
    );
    assert.ok(
      lines.every((l) => typeof l.durationMs === 'number' && l.durationMs >= 0 && !Number.isNaN(Date.parse(l.time))),
    );
    const text = JSON.stringify(lines);
    for (const personal of ['Ada', 'ada@example.com', '7946', 'Europe/Berlin', 'haircut'])
      assert.ok(!text.includes(personal), `no "${personal}" in logs`);
  });
});

describe('proxy: the API key never leaves the server', () => {
  const server = setupServer();
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  it('is in no response body, header or log line, whatever Cal.com answers', async () => {
    const seen: string[] = [];
    const logged: string[] = [];
    const originals = { log: console.log, error: console.error, warn: console.warn };
    for (const name of ['log', 'error', 'warn'] as const)
      console[name] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    try {
      // Cal.com echoing the key back in an error must not leak it either.
      const echo = `ApiAuthStrategy - api key - Your api key is not valid: Bearer ${API_KEY}`;
      const answers = [
        () =>
          HttpResponse.json(
            { status: 'error', error: { code: 'UnauthorizedException', message: echo } },
            { status: 401 },
          ),
        () =>
          HttpResponse.json(
            { status: 'error', error: { code: 'BadRequestException', message: echo } },
            { status: 400 },
          ),
        () => HttpResponse.json({ status: 'error', error: { code: 'X', message: echo } }, { status: 500 }),
        () => HttpResponse.error(),
        () => new HttpResponse(`<html>${API_KEY}</html>`, { status: 200 }),
        () =>
          HttpResponse.json({
            status: 'success',
            data: { '2025-10-21': [{ start: '2025-10-21T09:00:00.000+02:00' }] },
          }),
      ];
      for (const answer of answers) {
        server.resetHandlers(http.get(`${CALCOM}/slots`, answer), http.post(`${CALCOM}/bookings`, answer));
        const config = demo({ cacheTtlSeconds: 0 });
        const proxy = createProxy({
          config: { ...config, upstream: { ...config.upstream, retries: 0 } },
          apiKey: API_KEY,
          now: () => NOW,
        });
        for (const res of [
          await get(proxy, WEEK),
          await get(proxy, '/bookings', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              service: 'haircut',
              start: '2025-10-21T09:00:00+02:00',
              timeZone: 'UTC',
              attendee: { name: 'A', email: 'a@b.co' },
            }),
          }),
          await get(proxy, '/health'),
          await get(proxy, '/catalog'),
        ]) {
          seen.push(JSON.stringify([...res.headers]), await res.text());
        }
      }
    } finally {
      Object.assign(console, originals);
    }
    assert.ok(logged.length >= 24, 'every request logged');
    for (const text of [...seen, ...logged])
      assert.ok(!text.includes(API_KEY) && !text.includes('SECRET'), `leak in: ${text.slice(0, 120)}`);
  });
});

describe('proxy: rate limits per client IP', () => {
  const limited = (rateLimit: Partial<ProxyConfig['rateLimit']>) => {
    const config = demo();
    return createProxy({
      config: { ...config, rateLimit: { ...config.rateLimit, ...rateLimit } },
      upstream: countingSandbox().fetch,
      now: () => NOW,
      log: () => {},
    });
  };

  it('answers 429 with Retry-After and a JSON error once an IP is over its limit; other IPs go on', async () => {
    const proxy = limited({ requestsPerMinute: 3 });
    const from = (ip: string) => proxy.fetch(new Request(`http://proxy.test${WEEK}`), { clientIp: ip });
    for (let i = 0; i < 3; i++) assert.equal((await from('203.0.113.7')).status, 200);
    const over = await from('203.0.113.7');
    assert.equal(over.status, 429);
    assert.ok(Number(over.headers.get('retry-after')) >= 1 && Number(over.headers.get('retry-after')) <= 60);
    assert.equal(((await over.json()) as { error: { code: string } }).error.code, 'rate_limited');
    assert.equal((await from('198.51.100.1')).status, 200);
    assert.equal(
      (await proxy.fetch(new Request('http://proxy.test/health'), { clientIp: '203.0.113.7' })).status,
      200,
      'health is not limited',
    );
  });

  it('takes the IP from X-Forwarded-For only when told it runs behind a proxy', async () => {
    // One load balancer (10.0.0.1) appends the address it saw to whatever the client sent.
    const behind = limited({ requestsPerMinute: 1, trustProxy: true });
    const via = (ip: string, sent = '') =>
      behind.fetch(
        new Request(`http://proxy.test${WEEK}`, { headers: { 'x-forwarded-for': sent ? `${sent}, ${ip}` : ip } }),
        { clientIp: '10.0.0.1' },
      );
    assert.equal((await via('203.0.113.7')).status, 200);
    assert.equal((await via('198.51.100.1')).status, 200);
    assert.equal((await via('203.0.113.7')).status, 429);
    assert.equal(
      (await via('203.0.113.7', '192.0.2.200')).status,
      429,
      "a value the client sent ahead of the balancer's buys nothing",
    );

    const direct = limited({ requestsPerMinute: 1 });
    const spoof = (ip: string) =>
      direct.fetch(new Request(`http://proxy.test${WEEK}`, { headers: { 'x-forwarded-for': ip } }), {
        clientIp: '192.0.2.9',
      });
    assert.equal((await spoof('203.0.113.7')).status, 200);
    assert.equal((await spoof('198.51.100.1')).status, 429, 'a forged header does not buy a new budget');
  });

  it('limits bookings more tightly than reads', async () => {
    const proxy = limited({ requestsPerMinute: 100, bookingsPerMinute: 2 });
    const book = () =>
      proxy.fetch(
        new Request('http://proxy.test/bookings', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
        { clientIp: '203.0.113.7' },
      );
    assert.equal((await book()).status, 400);
    assert.equal((await book()).status, 400);
    assert.equal((await book()).status, 429);
  });
});
