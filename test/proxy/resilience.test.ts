import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { ProxyConfig } from '../../src/proxy/config.js';
import { createProxy } from '../../src/proxy/handler.js';
import { API_KEY, NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

const CALCOM = 'https://api.cal.com/v2';
const server = setupServer();
let calls = 0;
server.events.on('request:start', () => void calls++);

const slotsOk = () =>
  HttpResponse.json({ status: 'success', data: { '2025-10-21': [{ start: '2025-10-21T09:00:00.000+02:00' }] } });
const fail500 = () =>
  HttpResponse.json(
    { status: 'error', error: { code: 'InternalServerErrorException', message: 'boom' } },
    { status: 500 },
  );

function setup(upstream: Partial<ProxyConfig['upstream']> = {}) {
  const clock = { now: NOW };
  const waits: number[] = [];
  const base = demo();
  const proxy = createProxy({
    config: { ...base, upstream: { ...base.upstream, ...upstream } },
    apiKey: API_KEY,
    now: () => clock.now,
    log: () => {},
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  return { proxy, clock, waits };
}

type Body = { slots?: string[]; stale?: boolean; error?: { code: string } };

describe('proxy: upstream resilience', () => {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    calls = 0;
  });
  after(() => server.close());

  it('retries a 5xx with jittered exponential backoff, then answers', async () => {
    let n = 0;
    server.use(http.get(`${CALCOM}/slots`, () => (++n <= 2 ? fail500() : slotsOk())));
    const { proxy, waits } = setup({ retries: 2, retryBaseDelayMs: 100 });
    const res = await get(proxy, WEEK);
    assert.equal(res.status, 200);
    assert.equal(calls, 3);
    assert.equal(waits.length, 2);
    assert.ok(waits[0]! >= 1 && waits[0]! <= 100, `first wait ${waits[0]} within 100 ms`);
    assert.ok(waits[1]! >= 1 && waits[1]! <= 200, `second wait ${waits[1]} within 200 ms`);
  });

  it('gives up after the bounded retries with a JSON 502', async () => {
    server.use(http.get(`${CALCOM}/slots`, fail500));
    const { proxy } = setup({ retries: 2 });
    const res = await get(proxy, WEEK);
    assert.equal(res.status, 502);
    assert.equal(((await res.json()) as Body).error?.code, 'upstream_error');
    assert.equal(calls, 3);
  });

  it("honours Cal.com's 429: waits its reset when short, passes it on with Retry-After when long", async () => {
    let n = 0;
    server.use(
      http.get(`${CALCOM}/slots`, () =>
        ++n === 1
          ? HttpResponse.json(
              { status: 'error', error: { code: 'ThrottlerException', message: 'Too many' } },
              { status: 429, headers: { 'X-RateLimit-Reset-Default': '2' } },
            )
          : slotsOk(),
      ),
    );
    const short = setup({ retries: 2, retryMaxDelayMs: 3_000 });
    assert.equal((await get(short.proxy, WEEK)).status, 200);
    assert.deepEqual(short.waits, [2_000]);

    server.resetHandlers();
    server.use(
      http.get(`${CALCOM}/slots`, () =>
        HttpResponse.json(
          { status: 'error', error: { code: 'ThrottlerException', message: 'Too many' } },
          { status: 429, headers: { 'X-RateLimit-Reset-Default': '60' } },
        ),
      ),
    );
    calls = 0;
    const long = setup({ retries: 2, retryMaxDelayMs: 3_000 });
    const res = await get(long.proxy, WEEK);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '60');
    assert.equal(calls, 1, 'no retry into a minute-long block');
    assert.deepEqual(long.waits, []);
  });

  it('never retries a 4xx', async () => {
    server.use(
      http.get(`${CALCOM}/slots`, () =>
        HttpResponse.json(
          { status: 'error', error: { code: 'NotFoundException', message: 'Event Type not found' } },
          { status: 404 },
        ),
      ),
    );
    const { proxy } = setup({ retries: 3 });
    assert.equal((await get(proxy, WEEK)).status, 502);
    assert.equal(calls, 1);
  });

  it('opens the circuit after repeated failures, stops calling, and closes it after a good trial', async () => {
    server.use(http.get(`${CALCOM}/slots`, fail500));
    const { proxy, clock } = setup({ retries: 0, circuitFailures: 3, circuitOpenSeconds: 30, staleIfErrorSeconds: 0 });
    for (let i = 0; i < 3; i++) assert.equal((await get(proxy, `${WEEK}&duration=30`)).status, 502);
    assert.equal(proxy.circuit.state, 'open');
    const blocked = await get(proxy, WEEK);
    assert.equal(blocked.status, 503);
    assert.equal(((await blocked.json()) as Body).error?.code, 'upstream_circuit_open');
    assert.equal(blocked.headers.get('retry-after'), '30');
    assert.equal(calls, 3, 'no call while open');
    assert.equal(((await (await get(proxy, '/health')).json()) as { circuit: string }).circuit, 'open');

    clock.now += 31_000;
    server.resetHandlers();
    server.use(http.get(`${CALCOM}/slots`, slotsOk));
    assert.equal(proxy.circuit.state, 'half-open');
    assert.equal((await get(proxy, WEEK)).status, 200);
    assert.equal(proxy.circuit.state, 'closed');
  });

  it('serves the last good slots, marked stale, when Cal.com fails after they expired (stale-if-error)', async () => {
    server.use(http.get(`${CALCOM}/slots`, slotsOk));
    const { proxy, clock } = setup({ retries: 0, staleIfErrorSeconds: 600 });
    const fresh = (await (await get(proxy, WEEK)).json()) as Body;
    server.resetHandlers();
    server.use(http.get(`${CALCOM}/slots`, fail500));

    clock.now += 61_000; // past the 60 s TTL, within the grace
    const stale = await get(proxy, WEEK);
    assert.equal(stale.status, 200);
    assert.equal(stale.headers.get('x-cache'), 'STALE');
    assert.equal(stale.headers.get('cache-control'), 'no-store');
    const body = (await stale.json()) as Body;
    assert.equal(body.stale, true);
    assert.deepEqual(body.slots, fresh.slots);

    clock.now += 600_000; // past the grace: an honest error, never a fake "no availability"
    const gone = await get(proxy, WEEK);
    assert.equal(gone.status, 502);
  });

  it('makes exactly one upstream call for 1,000 identical concurrent requests', async () => {
    const upstream = countingSandbox();
    const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
    const answers = await Promise.all(Array.from({ length: 1_000 }, () => get(proxy, WEEK)));
    assert.ok(answers.every((r) => r.status === 200));
    assert.equal(upstream.calls, 1);
  });

  it('answers 502 upstream_unreachable when nothing listens at the Cal.com address (connection refused)', async () => {
    server.close(); // real sockets for this one
    try {
      const config = demo({ calcom: { baseUrl: 'http://127.0.0.1:9/v2', timeoutMs: 2_000 } });
      const proxy = createProxy({
        config: { ...config, upstream: { ...config.upstream, retries: 1 } },
        apiKey: API_KEY,
        now: () => NOW,
        log: () => {},
      });
      const res = await get(proxy, WEEK);
      assert.equal(res.status, 502);
      assert.equal(((await res.json()) as Body).error?.code, 'upstream_unreachable');
    } finally {
      server.listen({ onUnhandledRequest: 'error' });
    }
  });

  it("passes the sandbox's own rate limit on as 503 with Retry-After", async () => {
    const { createSandbox } = await import('../../src/sandbox/sandbox.js');
    const sandbox = createSandbox({ now: () => NOW, rateLimit: { limit: 2, windowMs: 60_000 } });
    const base = demo({ cacheTtlSeconds: 0 });
    const proxy = createProxy({
      config: { ...base, upstream: { ...base.upstream, retries: 0 } },
      upstream: sandbox.fetch,
      now: () => NOW,
      log: () => {},
    });
    assert.equal((await get(proxy, WEEK)).status, 200);
    assert.equal((await get(proxy, WEEK)).status, 200);
    const limited = await get(proxy, WEEK);
    assert.equal(limited.status, 503);
    assert.equal(limited.headers.get('retry-after'), '60');
  });
});
