import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };

describe('proxy: GET /slots', () => {
  it('answers with the slots of the week and caches them', async () => {
    const upstream = countingSandbox();
    const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
    const first = await get(proxy, WEEK);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-cache'), 'MISS');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60, s-maxage=60');
    const body = (await first.json()) as {
      service: string;
      staff: null;
      timeZone: string;
      durationMinutes: number;
      slots: string[];
    };
    assert.deepEqual(
      { ...body, slots: undefined },
      { service: 'haircut', staff: null, timeZone: 'Europe/Berlin', durationMinutes: 30, slots: undefined },
    );
    assert.ok(body.slots.length > 20);
    assert.ok(body.slots.every((s) => s >= '2025-10-20' && s < '2025-10-27'));
    const second = await get(proxy, WEEK);
    assert.equal(second.headers.get('x-cache'), 'HIT');
    assert.deepEqual(((await second.json()) as typeof body).slots, body.slots);
    assert.equal(upstream.calls, 1);
  });

  it('makes one upstream call for many identical concurrent requests', async () => {
    const upstream = countingSandbox();
    const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
    const answers = await Promise.all(Array.from({ length: 200 }, () => get(proxy, WEEK)));
    assert.ok(answers.every((r) => r.status === 200));
    assert.equal(upstream.calls, 1);
  });

  it('rejects bad input with a JSON 4xx naming the field, without calling upstream', async () => {
    const upstream = countingSandbox();
    const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
    const cases: [string, number, string, string][] = [
      ['/slots?start=2025-10-20&end=2025-10-26&timeZone=UTC', 400, 'service', 'invalid_request'],
      ['/slots?service=haircut&start=2025-10-2&end=2025-10-26&timeZone=UTC', 400, 'start', 'invalid_request'],
      ['/slots?service=haircut&start=2025-02-30&end=2025-03-02&timeZone=UTC', 400, 'start', 'invalid_request'],
      ['/slots?service=haircut&start=2025-10-20&timeZone=UTC', 400, 'end', 'invalid_request'],
      ['/slots?service=haircut&start=2025-10-26&end=2025-10-20&timeZone=UTC', 400, 'end', 'invalid_request'],
      ['/slots?service=haircut&start=2025-10-20&end=2025-12-01&timeZone=UTC', 400, 'end', 'invalid_request'],
      ['/slots?service=haircut&start=2025-10-20&end=2025-10-26', 400, 'timeZone', 'invalid_request'],
      [
        '/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=Nowhere/City',
        400,
        'timeZone',
        'invalid_request',
      ],
      [
        '/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=UTC&duration=abc',
        400,
        'duration',
        'invalid_request',
      ],
      [
        '/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=UTC&duration=45',
        400,
        'duration',
        'invalid_request',
      ],
      [
        '/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=UTC&staff=chloe',
        400,
        'staff',
        'invalid_request',
      ],
      [
        '/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=UTC&eventTypeId=1',
        400,
        'eventTypeId',
        'invalid_request',
      ],
      [
        '/slots?service=haircut&service=colour&start=2025-10-20&end=2025-10-26&timeZone=UTC',
        400,
        'service',
        'invalid_request',
      ],
      ['/slots?service=nails&start=2025-10-20&end=2025-10-26&timeZone=UTC', 404, 'service', 'unknown_service'],
      ['/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=UTC&staff=zoe', 404, 'staff', 'unknown_staff'],
    ];
    for (const [path, status, field, code] of cases) {
      const res = await get(proxy, path);
      assert.equal(res.status, status, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const body = (await res.json()) as ErrorJson;
      assert.equal(body.error.code, code, path);
      assert.equal(body.error.details?.field, field, path);
      assert.match(body.error.message, new RegExp(field === 'service' && status === 404 ? 'nails' : field), path);
    }
    assert.equal(upstream.calls, 0);
  });

  it('accepts a 42-day range and another offered duration', async () => {
    const upstream = countingSandbox();
    const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
    assert.equal((await get(proxy, '/slots?service=haircut&start=2025-10-20&end=2025-11-30&timeZone=UTC')).status, 200);
    const res = await get(
      proxy,
      '/slots?service=coaching&start=2025-10-20&end=2025-10-26&timeZone=UTC&staff=chloe&duration=30',
    );
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { durationMinutes: number }).durationMinutes, 30);
  });

  it('needs an apiKey or an explicit upstream: the sandbox is never a hidden default', () => {
    assert.throws(() => createProxy({ config: demo(), log: () => {} }), /apiKey.*upstream: 'sandbox'/);
  });

  it('runs on the built-in sandbox when asked to (as the CLI does without a key)', async () => {
    const proxy = createProxy({ upstream: 'sandbox', config: demo(), now: () => NOW, log: () => {} });
    assert.equal(proxy.mode, 'sandbox');
    const health = await get(proxy, '/health');
    assert.deepEqual(await health.json(), { status: 'ok', upstream: 'sandbox', circuit: 'closed', reasons: [] });
    const res = await get(proxy, `${WEEK}&staff=anna`);
    assert.equal(res.status, 200);
    assert.ok(((await res.json()) as { slots: string[] }).slots.length > 0);
  });

  it('answers unknown routes with JSON 404 and honours a base path', async () => {
    const proxy = createProxy({
      upstream: 'sandbox',
      config: demo(),
      basePath: '/booking-api',
      now: () => NOW,
      log: () => {},
    });
    const missing = await get(proxy, '/booking-api/nope');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as ErrorJson).error.code, 'not_found');
    assert.equal((await get(proxy, '/booking-api/health')).status, 200);
  });
});

describe('proxy: GET /catalog', () => {
  it('lists branches, services and staff without any Cal.com detail', async () => {
    const proxy = createProxy({ upstream: 'sandbox', config: demo(), now: () => NOW, log: () => {} });
    const res = await get(proxy, '/catalog');
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.doesNotMatch(text, /eventType|username|anna-berg/);
    const catalog = JSON.parse(text) as {
      branches: unknown[];
      services: { id: string; durationMinutes: number }[];
      staff: { id: string; serviceIds: string[] }[];
    };
    assert.equal(catalog.branches.length, 3);
    // The small salon's four, then the dense Hamburg studio's 20 services and 12 staff (issue 19).
    assert.equal(catalog.services.length, 24);
    assert.equal(catalog.staff.length, 15);
    assert.deepEqual(
      catalog.services.slice(0, 4).map((s) => [s.id, s.durationMinutes]),
      [
        ['haircut', 30],
        ['colour', 90],
        ['consultation', 45],
        ['coaching', 60],
      ],
    );
    assert.deepEqual(catalog.staff.find((s) => s.id === 'chloe')?.serviceIds, ['consultation', 'coaching']);
  });
});

describe('proxy: CORS', () => {
  it('allows only the configured origins', async () => {
    const proxy = createProxy({
      upstream: 'sandbox',
      config: demo({ allowedOrigins: ['https://shop.example'] }),
      now: () => NOW,
      log: () => {},
    });
    const allowed = await get(proxy, '/catalog', { headers: { origin: 'https://shop.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    const other = await get(proxy, '/catalog', { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});
