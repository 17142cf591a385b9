import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientIpReader } from '../../src/proxy/client-ip.js';
import { parseConfig } from '../../src/proxy/config.js';
import { createProxy } from '../../src/proxy/handler.js';
import { sign } from '../../src/proxy/webhooks.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { API_KEY, NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

const SECRET = 'whsec_0123456789abcdef';
type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };

const webhook = async (proxy: ReturnType<typeof createProxy>, body: string, ip = '198.51.100.7') =>
  proxy.fetch(
    new Request('http://proxy.test/webhooks/calcom', {
      method: 'POST',
      headers: { 'x-cal-signature-256': await sign(SECRET, body) },
      body,
    }),
    { clientIp: ip },
  );

describe('issue 11 #7: webhooks', () => {
  const created = (offsetMs = 0, uid = 'b1') =>
    JSON.stringify({
      triggerEvent: 'BOOKING_CREATED',
      createdAt: new Date(NOW + offsetMs).toISOString(),
      payload: { uid, eventTypeId: 1001 },
    });

  it('takes a delivery once: a replay is refused and drops nothing, so it cannot force upstream calls', async () => {
    const upstream = countingSandbox();
    const proxy = createProxy({
      config: demo({ webhookSecret: SECRET }),
      upstream: upstream.fetch,
      now: () => NOW,
      log: () => {},
    });
    await get(proxy, WEEK);
    const body = created();
    assert.equal((await webhook(proxy, body)).status, 200);
    await get(proxy, WEEK);
    const calls = upstream.calls;
    for (let i = 0; i < 30; i++) {
      const replay = await webhook(proxy, body);
      assert.equal(replay.status, 409);
      assert.equal(((await replay.json()) as ErrorJson).error.code, 'webhook_replayed');
    }
    assert.equal((await get(proxy, WEEK)).headers.get('x-cache'), 'HIT');
    assert.equal(upstream.calls, calls);
  });

  it('refuses a delivery older than the replay window, or from the future, by its createdAt', async () => {
    const proxy = createProxy({
      upstream: 'sandbox',
      config: demo({ webhookSecret: SECRET, webhookReplayWindowSeconds: 300 }),
      now: () => NOW,
      log: () => {},
    });
    const old = await webhook(proxy, created(-301_000, 'old'));
    assert.equal(old.status, 400);
    assert.equal(((await old.json()) as ErrorJson).error.details?.field, 'createdAt');
    assert.equal((await webhook(proxy, created(-299_000, 'recent'))).status, 200);
    assert.equal((await webhook(proxy, created(3_600_000, 'future'))).status, 400);
  });

  it('limits webhooks per IP before checking signatures, and bodies to 64 KB', async () => {
    const config = demo({ webhookSecret: SECRET });
    const proxy = createProxy({
      upstream: 'sandbox',
      config: { ...config, rateLimit: { ...config.rateLimit, webhooksPerMinute: 5 } },
      now: () => NOW,
      log: () => {},
    });
    const junk = 'x'.repeat(1_000);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await proxy.fetch(
        new Request('http://proxy.test/webhooks/calcom', {
          method: 'POST',
          headers: { 'x-cal-signature-256': '0'.repeat(64) },
          body: junk,
        }),
        { clientIp: '203.0.113.9' },
      );
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    const big = await proxy.fetch(
      new Request('http://proxy.test/webhooks/calcom', {
        method: 'POST',
        headers: { 'content-length': String(65 * 1024) },
        body: 'x'.repeat(65 * 1024),
      }),
      { clientIp: '203.0.113.10' },
    );
    assert.equal(big.status, 413);
  });
});

describe('issue 11 #8: trusted hops', () => {
  it('takes the address the outermost trusted hop saw, never what the client wrote in front of it', () => {
    // client 203.0.113.7 sends a forged header; nginx (10.0.0.2) and a cloud balancer (10.0.0.1) each append.
    const header = '1.2.3.4, 203.0.113.7, 10.0.0.2';
    assert.equal(
      clientIpReader(false)(() => header, '10.0.0.1'),
      '10.0.0.1',
    );
    assert.equal(
      clientIpReader(1)(() => header, '10.0.0.1'),
      '10.0.0.2',
    );
    assert.equal(
      clientIpReader(2)(() => header, '10.0.0.1'),
      '203.0.113.7',
    );
    assert.equal(
      clientIpReader(['10.0.0.1', '10.0.0.2'])(() => header, '10.0.0.1'),
      '203.0.113.7',
    );
    assert.equal(
      clientIpReader(['10.0.0.1', '10.0.0.2'])(() => header, '::ffff:10.0.0.1'),
      '203.0.113.7',
    );
    // A direct caller that is not a trusted proxy gets no say through the header.
    assert.equal(
      clientIpReader(['10.0.0.1', '10.0.0.2'])(() => header, '198.51.100.1'),
      '198.51.100.1',
    );
    // Fewer hops than configured: the leftmost address is the best there is.
    assert.equal(
      clientIpReader(3)(() => '203.0.113.7', '10.0.0.1'),
      '203.0.113.7',
    );
  });

  it('checks trustProxy at start', () => {
    const config = (trustProxy: unknown) => ({ ...demoConfig, rateLimit: { trustProxy } });
    assert.deepEqual(parseConfig(config(['10.0.0.1', '::1'])).rateLimit.trustProxy, ['10.0.0.1', '::1']);
    assert.throws(() => parseConfig(config(['not-an-ip'])), /rateLimit\.trustProxy/);
    assert.throws(() => parseConfig(config(-1)), /rateLimit\.trustProxy/);
  });
});

describe('issue 11 #9: redirects upstream', () => {
  it('never follows a redirect and never sends the booking body anywhere else', async () => {
    const seen: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${request.url} ${request.redirect}`);
      if (new URL(request.url).host === 'evil.example') return Promise.resolve(new Response('{}', { status: 200 }));
      return Promise.resolve(
        new Response(null, { status: 307, headers: { location: 'https://evil.example/v2/bookings' } }),
      );
    };
    try {
      const proxy = createProxy({ config: demo(), apiKey: API_KEY, now: () => NOW, log: () => {} });
      const res = await get(proxy, '/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          service: 'haircut',
          start: '2025-10-21T09:00:00Z',
          timeZone: 'UTC',
          attendee: { name: 'Ada', email: 'ada@example.com' },
        }),
      });
      assert.equal(res.status, 502);
      assert.equal(((await res.json()) as ErrorJson).error.code, 'upstream_redirect');
      assert.ok(
        seen.length > 0 &&
          seen.every((line) => line.startsWith('POST https://api.cal.com/') && line.endsWith('manual')),
        seen.join('\n'),
      );
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('issue 11 #11, #12: answers', () => {
  it('labels a cached answer with the service and staff asked for, not whoever asked first', async () => {
    // Two services on one event type: the second must not be answered with the first one's labels.
    const config = demo();
    const twin = { ...config.services.find((s) => s.id === 'haircut')!, id: 'haircut-twin', name: 'Haircut (twin)' };
    const proxy = createProxy({
      config: { ...config, services: [...config.services, twin] },
      upstream: countingSandbox().fetch,
      now: () => NOW,
      log: () => {},
    });
    const first = (await (await get(proxy, WEEK)).json()) as { service: string };
    const second = await get(proxy, WEEK.replace('service=haircut', 'service=haircut-twin'));
    assert.equal(second.headers.get('x-cache'), 'HIT');
    assert.equal(first.service, 'haircut');
    assert.equal(((await second.json()) as { service: string }).service, 'haircut-twin');
  });

  it('spends the booking budget on bookings only, and says Vary: Origin once', async () => {
    const config = demo({ allowedOrigins: ['https://shop.example'] });
    const proxy = createProxy({
      config: { ...config, rateLimit: { ...config.rateLimit, bookingsPerMinute: 1 } },
      upstream: countingSandbox().fetch,
      now: () => NOW,
      log: () => {},
    });
    const ip = { clientIp: '203.0.113.20' };
    for (let i = 0; i < 3; i++)
      assert.equal((await proxy.fetch(new Request('http://proxy.test/nowhere', { method: 'POST' }), ip)).status, 404);
    const booking = await proxy.fetch(
      new Request('http://proxy.test/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
      ip,
    );
    assert.equal(booking.status, 400, 'the unknown routes did not use up the one booking');
    for (const origin of [undefined, 'https://shop.example']) {
      const res = await get(proxy, WEEK, { headers: origin ? { origin } : {} });
      assert.equal(res.headers.get('vary'), 'Origin');
    }
  });

  it('refuses file:, data: and other non-web origins at start, so Origin null is never allowed', async () => {
    for (const origin of ['file:///index.html', 'data:text/html,hi', 'null', 'https://shop.example/path']) {
      assert.throws(() => parseConfig({ ...demoConfig, allowedOrigins: [origin] }), /allowedOrigins\.0/, origin);
    }
    const proxy = createProxy({
      upstream: 'sandbox',
      config: demo({ allowedOrigins: ['https://shop.example'] }),
      now: () => NOW,
      log: () => {},
    });
    const res = await get(proxy, WEEK, { headers: { origin: 'null' } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  it('speaks to visitors of "the booking service", never of the vendor', async () => {
    const upstream = () =>
      Promise.resolve(Response.json({ status: 'error', error: { code: 'X', message: 'boom' } }, { status: 500 }));
    const config = demo();
    const proxy = createProxy({
      config: { ...config, upstream: { ...config.upstream, retries: 0 } },
      upstream,
      now: () => NOW,
      log: () => {},
    });
    const text = await (await get(proxy, WEEK)).text();
    assert.match(text, /The booking service answered 500/);
    assert.doesNotMatch(text, /Cal\.com/);
  });
});
