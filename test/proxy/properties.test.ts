import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createProxy } from '../../src/proxy/handler.js';
import { sign } from '../../src/proxy/webhooks.js';
import { NOW, countingSandbox, demo, get } from './fixtures.js';

// For any generated input: never a 5xx, always a JSON error with a code when refused, and no upstream call for a
// 4xx (but 409, which is Cal.com's own refusal). FC_RUNS raises the count locally (default 1,000 per route).
const RUNS = Number(process.env.FC_RUNS ?? 1_000);
const SECRET = 'whsec_0123456789abcdef';

function setup() {
  const upstream = countingSandbox();
  const proxy = createProxy({
    config: demo({ webhookSecret: SECRET }),
    upstream: upstream.fetch,
    now: () => NOW,
    log: () => {},
  });
  return { upstream, proxy };
}

/** Checks one answer; returns nothing, throws what is wrong. */
async function check(res: Response, callsBefore: number, callsAfter: number, input: unknown): Promise<void> {
  const where = JSON.stringify(input).slice(0, 300);
  assert.ok(res.status < 500, `${res.status} for ${where}`);
  if (res.status >= 400) {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    assert.equal(typeof body.error?.code, 'string', `a code for ${where}`);
    assert.equal(typeof body.error?.message, 'string');
    if (res.status !== 409) assert.equal(callsAfter, callsBefore, `no upstream call for ${res.status} ${where}`);
  } else {
    await res.arrayBuffer();
  }
}

const day = (offset: number) => new Date(NOW + offset * 86_400_000).toISOString().slice(0, 10);
const dates = fc.oneof(
  fc.integer({ min: -30, max: 800 }).map(day),
  fc.constantFrom(
    '2027-02-30',
    '2027-02-29',
    '0000-01-01',
    '9999-12-31',
    '2011-12-30',
    '2025-1-1',
    '',
    '2025-10-20T00:00:00Z',
  ),
  fc.string({ maxLength: 12 }),
);
const zones = fc.oneof(
  fc.constantFrom(
    'UTC',
    'Europe/Berlin',
    'europe/berlin',
    'US/Pacific',
    'Pacific/Apia',
    'Asia/Kathmandu',
    'Etc/GMT+12',
    '+01:00',
    'Nowhere/City',
    '',
  ),
  fc.string({ maxLength: 70 }),
);
const ids = fc.oneof(
  fc.constantFrom('haircut', 'coloring', 'coaching', 'anna', 'ben', 'chloe', '', 'nope'),
  fc.string({ maxLength: 10 }),
);
const instants = fc.oneof(
  fc.integer({ min: -5, max: 900 * 24 }).map((hours) => new Date(NOW + hours * 3_600_000).toISOString()),
  fc.constantFrom(
    '2027-02-30T10:00:00Z',
    '2027-01-20T09:00:00+01',
    '9999-12-31T23:59:59Z',
    '1970-01-01T00:00:00Z',
    '2025-10-21T09:00:00',
    '2025-10-21T24:00:00Z',
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
);

describe('issue 11: property-based tests of every route', () => {
  it(`GET /slots: ${RUNS} generated queries`, async () => {
    const { upstream, proxy } = setup();
    const query = fc.record(
      {
        service: ids,
        start: dates,
        end: dates,
        timeZone: zones,
        staff: ids,
        duration: fc.oneof(fc.constantFrom('30', '45', '60', '0', '-5', 'abc'), fc.string({ maxLength: 5 })),
        extra: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const before = upstream.calls;
        const res = await get(proxy, `/slots?${new URLSearchParams(params)}`);
        await check(res, before, upstream.calls, params);
      }),
      { numRuns: RUNS },
    );
  });

  it(`POST /bookings: ${RUNS} generated bodies and headers`, async () => {
    const { upstream, proxy } = setup();
    const attendee = fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 210 }), fc.constant('Ada')),
        email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })),
        phone: fc.string({ maxLength: 40 }),
        notes: fc.string({ maxLength: 50 }),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      fc.record(
        {
          service: ids,
          staff: fc.oneof(ids, fc.constant(null)),
          start: instants,
          timeZone: zones,
          duration: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double()),
          attendee,
          locale: fc.string({ maxLength: 12 }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    );
    const headers = fc.record(
      {
        'content-type': fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8'),
        'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 140 })),
      },
      { requiredKeys: ['content-type'] },
    );
    await fc.assert(
      fc.asyncProperty(body, headers, fc.boolean(), async (json, head, broken) => {
        const before = upstream.calls;
        const text = broken ? JSON.stringify(json).slice(0, -1) : JSON.stringify(json);
        const res = await get(proxy, '/bookings', { method: 'POST', headers: head, body: text });
        await check(res, before, upstream.calls, { json, head, broken });
      }),
      { numRuns: RUNS },
    );
  });

  it(`POST /webhooks/calcom: ${RUNS} generated deliveries, signed and not`, async () => {
    const { upstream, proxy } = setup();
    const payload = fc.oneof(
      fc.record(
        {
          triggerEvent: fc.oneof(
            fc.constantFrom('BOOKING_CREATED', 'BOOKING_CANCELLED', 'BOOKING_RESCHEDULED', 'MEETING_ENDED'),
            fc.string({ maxLength: 10 }),
          ),
          createdAt: fc.oneof(instants, fc.constant(new Date(NOW).toISOString())),
          payload: fc.oneof(
            fc.record(
              {
                eventTypeId: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
                organizer: fc.jsonValue({ maxDepth: 2 }),
              },
              { requiredKeys: [] },
            ),
            fc.jsonValue({ maxDepth: 2 }),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(payload, fc.constantFrom('good', 'bad', 'none'), async (json, signing) => {
        const body = JSON.stringify(json) ?? 'null';
        const signature =
          signing === 'good' ? await sign(SECRET, body) : signing === 'bad' ? 'f'.repeat(64) : undefined;
        const before = upstream.calls;
        const res = await get(proxy, '/webhooks/calcom', {
          method: 'POST',
          headers: signature ? { 'x-cal-signature-256': signature } : {},
          body,
        });
        await check(res, before, upstream.calls, { json, signing });
        assert.equal(upstream.calls, before, 'a webhook never calls upstream');
      }),
      { numRuns: RUNS },
    );
  });
});
