import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { sign } from '../../src/proxy/webhooks.js';
import { SseReader } from '../helpers/sse.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

// Issue 13: GET /events tells open widgets which weeks changed, from every source, and costs Cal.com nothing.

const SECRET = 'whsec_0123456789abcdef';

function setup(overrides: Parameters<typeof demo>[0] = {}, clock = { now: NOW }) {
  const upstream = countingSandbox();
  const proxy = createProxy({
    config: demo({ webhookSecret: SECRET, ...overrides }),
    upstream: upstream.fetch,
    now: () => clock.now,
    log: () => {},
  });
  return { proxy, upstream, clock };
}

type Proxy = ReturnType<typeof createProxy>;

async function stream(proxy: Proxy, query = '', headers: Record<string, string> = {}): Promise<SseReader> {
  const response = await get(proxy, `/events${query}`, { headers });
  assert.equal(response.status, 200);
  return new SseReader(response);
}

async function slotsOf(proxy: Proxy, path = WEEK): Promise<string[]> {
  return ((await (await get(proxy, path)).json()) as { slots: string[] }).slots;
}

function book(proxy: Proxy, start: string, staff?: string) {
  return get(proxy, '/bookings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'haircut',
      ...(staff ? { staff } : {}),
      start,
      timeZone: 'Europe/Berlin',
      attendee: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+49 30 1234567' },
    }),
  });
}

describe('issue 13: GET /events, the live stream', () => {
  it('opens with ready (an id and a reconnect delay) and carries the headers streams need behind proxies', async () => {
    const { proxy } = setup();
    const response = await get(proxy, '/events');
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    assert.equal(response.headers.get('x-accel-buffering'), 'no');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const reader = new SseReader(response);
    const ready = await reader.next();
    assert.equal(ready.event, 'ready');
    assert.match(ready.id!, /^l\w+-0$/, 'an id of this process even before any change');
    assert.ok(ready.retry! > 0);
    await reader.close();
  });

  it('tells of a booking made through the proxy: services, staff and UTC dates, no personal data', async () => {
    const { proxy } = setup();
    const reader = await stream(proxy);
    await reader.next();
    const [start] = await slotsOf(proxy, `${WEEK}&staff=ben`);
    assert.equal((await book(proxy, start!, 'ben')).status, 201);
    const change = await reader.next();
    assert.equal(change.event, 'change');
    assert.ok(change.id);
    const data = JSON.parse(change.data) as { services: string[]; staff: string[]; from: string; to: string };
    assert.ok(data.services.includes('haircut'));
    assert.deepEqual(data.staff, ['ben']);
    const utcDate = new Date(start!).toISOString().slice(0, 10);
    assert.deepEqual([data.from, data.to], [utcDate, utcDate]);
    assert.doesNotMatch(change.data, /ada|Lovelace|example\.com|\+49/i);
    await reader.close();
  });

  it('tells of Cal.com webhooks: a cancellation, with the dates of the booking (and the old ones of a reschedule)', async () => {
    const { proxy } = setup();
    const reader = await stream(proxy);
    await reader.next();
    const body = JSON.stringify({
      triggerEvent: 'BOOKING_RESCHEDULED',
      createdAt: new Date(NOW).toISOString(),
      payload: {
        eventTypeId: 1001,
        startTime: '2025-10-24T08:00:00.000Z',
        endTime: '2025-10-24T08:30:00.000Z',
        rescheduleStartTime: '2025-10-21T08:00:00.000Z',
        rescheduleEndTime: '2025-10-21T08:30:00.000Z',
      },
    });
    const hook = await get(proxy, '/webhooks/calcom', {
      method: 'POST',
      headers: { 'x-cal-signature-256': await sign(SECRET, body) },
      body,
    });
    assert.equal(hook.status, 200);
    const data = JSON.parse((await reader.next()).data) as { services: string[]; from: string; to: string };
    assert.ok(data.services.includes('haircut'));
    assert.equal(data.from, '2025-10-21');
    assert.equal(data.to, '2025-10-24');
    await reader.close();
  });

  it('tells of a cache refresh that found other times (booked on Cal.com, no webhook), once per refresh', async () => {
    const { proxy, upstream, clock } = setup();
    const [first] = await slotsOf(proxy);
    const reader = await stream(proxy);
    await reader.next();
    // Someone books straight on Cal.com and no webhook arrives; the cached answer expires.
    const made = await upstream.sandbox.fetch(
      new Request('https://sandbox.test/v2/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
        body: JSON.stringify({
          eventTypeId: 1001,
          start: new Date(first!).toISOString(),
          attendee: { name: 'B', email: 'b@example.com', timeZone: 'UTC', language: 'en' },
        }),
      }),
    );
    assert.equal(made.status, 201);
    clock.now += 61_000;
    await Promise.all(Array.from({ length: 20 }, () => slotsOf(proxy)));
    const change = JSON.parse((await reader.next()).data) as { services: string[]; from: string; to: string };
    assert.deepEqual([change.from, change.to], ['2025-10-20', '2025-10-26']);
    assert.ok(await reader.quietFor(200), 'twenty requests sharing one refresh tell once');
    // An unchanged refresh tells nothing.
    clock.now += 61_000;
    await slotsOf(proxy);
    assert.ok(await reader.quietFor(200));
    await reader.close();
  });

  it('filters by service and staff, and names an unknown one in a 404', async () => {
    const { proxy } = setup();
    const other = await stream(proxy, '?service=coaching');
    const mine = await stream(proxy, '?service=haircut&staff=ben');
    const notBen = await stream(proxy, '?service=haircut&staff=anna');
    for (const reader of [other, mine, notBen]) await reader.next();
    const [start] = await slotsOf(proxy, `${WEEK}&staff=ben`);
    await book(proxy, start!, 'ben');
    assert.equal((await mine.next()).event, 'change');
    assert.ok(await other.quietFor(200));
    assert.ok(await notBen.quietFor(50));
    const unknown = await get(proxy, '/events?service=haircut,nope');
    assert.equal(unknown.status, 404);
    assert.deepEqual(((await unknown.json()) as { error: { details: unknown } }).error.details, { field: 'service' });
    await Promise.all([other, mine, notBen].map((r) => r.close()));
  });

  it('resumes from Last-Event-ID (or ?lastEventId) with what was missed, and says reset when the id is unknown', async () => {
    const { proxy } = setup();
    const [a, b] = await slotsOf(proxy, `${WEEK}&staff=ben`);
    await book(proxy, a!, 'ben');
    const first = await stream(proxy);
    const seen = (await first.next()).id!;
    await first.close();
    await book(proxy, b!, 'ben'); // missed while away
    const resumed = await stream(proxy, '', { 'last-event-id': seen });
    assert.equal((await resumed.next()).event, 'ready');
    const missed = await resumed.next();
    assert.equal(missed.event, 'change');
    assert.notEqual(missed.id, seen);
    await resumed.close();
    const byQuery = await stream(proxy, `?lastEventId=${encodeURIComponent(seen)}`);
    await byQuery.next();
    assert.equal((await byQuery.next()).id, missed.id);
    await byQuery.close();
    const unknown = await stream(proxy, '', { 'last-event-id': 'l0-from-a-previous-life' });
    assert.equal((await unknown.next()).event, 'reset');
    await unknown.close();
  });

  it('keeps idle streams alive with heartbeat comments', async () => {
    const { proxy } = setup({ live: { ...demo().live, heartbeatSeconds: 1 } });
    const reader = await stream(proxy);
    await reader.next();
    assert.ok(await reader.quietFor(2_300));
    assert.ok(reader.comments >= 2, `${reader.comments} heartbeats`);
    await reader.close();
  });

  it('limits streams per client IP (429) and per instance (503), and frees a place when a stream closes', async () => {
    const { proxy } = setup({ live: { ...demo().live, maxStreams: 3, maxStreamsPerIp: 2 } });
    const from = (ip: string) => proxy.fetch(new Request('http://proxy.test/events'), { clientIp: ip });
    const a1 = new SseReader(await from('10.0.0.1'));
    const a2 = new SseReader(await from('10.0.0.1'));
    const refused = await from('10.0.0.1');
    assert.equal(refused.status, 429);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'too_many_streams');
    assert.ok(refused.headers.get('retry-after'));
    const b1 = new SseReader(await from('10.0.0.2'));
    const full = await from('10.0.0.3');
    assert.equal(full.status, 503);
    assert.equal(((await full.json()) as { error: { code: string } }).error.code, 'streams_full');
    for (const reader of [a1, a2, b1]) await reader.next();
    await a1.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const freed = new SseReader(await from('10.0.0.3'));
    assert.equal(freed.response.status, 200);
    await Promise.all([a2, b1, freed].map((r) => r.close()));
  });

  it('costs Cal.com nothing by itself: 50 streams, a change, 50 refetches of the week make one upstream call', async () => {
    const { proxy, upstream } = setup();
    await slotsOf(proxy, `${WEEK}&staff=ben`);
    const calls = upstream.calls;
    // Fifty visitors, each from an address of their own.
    const readers = await Promise.all(
      Array.from(
        { length: 50 },
        async (_, i) =>
          new SseReader(await proxy.fetch(new Request('http://proxy.test/events'), { clientIp: `10.0.1.${i}` })),
      ),
    );
    await Promise.all(readers.map((r) => r.next()));
    assert.equal(upstream.calls, calls, 'opening streams calls nobody');
    const [start] = await slotsOf(proxy, `${WEEK}&staff=ben`);
    await book(proxy, start!, 'ben');
    const afterBooking = upstream.calls;
    await Promise.all(readers.map(async (r) => (await r.next(), slotsOf(proxy, `${WEEK}&staff=ben`))));
    assert.equal(upstream.calls - afterBooking, 1);
    await Promise.all(readers.map((r) => r.close()));
  });

  it('is off with live.enabled false: a JSON 404, so widgets fall back to refreshing on focus', async () => {
    const { proxy } = setup({ live: { ...demo().live, enabled: false } });
    const response = await get(proxy, '/events');
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/json');
  });

  it('ends its streams when the proxy closes, so a server can stop', async () => {
    const { proxy } = setup();
    const reader = await stream(proxy);
    await reader.next();
    await proxy.close();
    await assert.rejects(reader.next(), /ended/);
  });
});

describe('issue 13: the built-in sandbox', () => {
  it('tells its own bookings to the streams through its webhooks, and books "from elsewhere" for the demo', async () => {
    const proxy = createProxy({ upstream: 'sandbox', config: demo(), log: () => {} });
    const reader = await stream(proxy, '?service=haircut');
    await reader.next();
    const today = new Date().toISOString().slice(0, 10);
    const end = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
    // Anna's own times: an "any available" time stays offered while another host is free at it.
    const path = `/slots?service=haircut&staff=anna&start=${today}&end=${end}&timeZone=UTC`;
    const [start] = await slotsOf(proxy, path);
    assert.ok(start, 'the sandbox offers times this week');
    const elsewhere = await get(proxy, '/sandbox/book-elsewhere', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'haircut', staff: 'anna', start }),
    });
    assert.equal(elsewhere.status, 201);
    const change = JSON.parse((await reader.next()).data) as { services: string[] };
    assert.ok(change.services.includes('haircut'));
    assert.ok(!(await slotsOf(proxy, path)).includes(start), 'the time is gone for everyone');
    const again = await get(proxy, '/sandbox/book-elsewhere', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'haircut', start: 'tomorrow' }),
    });
    assert.equal(again.status, 400);
    assert.deepEqual(((await again.json()) as { error: { details: unknown } }).error.details, { field: 'start' });
    await reader.close();
    await proxy.close();
  });

  it('has no book-elsewhere route on Cal.com', async () => {
    const { proxy } = setup();
    const response = await get(proxy, '/sandbox/book-elsewhere', { method: 'POST', body: '{}' });
    assert.equal(response.status, 404);
  });
});
