import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { sign } from '../../src/proxy/webhooks.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { NOW, WEEK, demo, get } from './fixtures.js';

const SECRET = 'whsec_0123456789abcdef';
const HOOK_URL = 'http://proxy.test/webhooks/calcom';

function setup() {
  const holder: { proxy?: ReturnType<typeof createProxy> } = {};
  // The sandbox sends its webhooks straight to the proxy, as Cal.com would over HTTPS.
  const sandbox = createSandbox({
    now: () => NOW,
    rateLimit: false,
    webhooks: [{ subscriberUrl: HOOK_URL, secret: SECRET, deliver: (r) => holder.proxy!.fetch(r) }],
  });
  let upstreamCalls = 0;
  const proxy = (holder.proxy = createProxy({
    config: demo({ webhookSecret: SECRET }),
    upstream: (r) => {
      upstreamCalls++;
      return sandbox.fetch(r);
    },
    now: () => NOW,
    log: () => {},
  }));
  return { proxy, sandbox, calls: () => upstreamCalls };
}

const deliver = async (proxy: ReturnType<typeof createProxy>, body: string, signature?: string) =>
  proxy.fetch(
    new Request(HOOK_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-cal-signature-256': signature } : {}) },
      body,
    }),
  );

describe('proxy: POST /webhooks/calcom', () => {
  it("drops the cached slots of the booking's event type when the sandbox sends BOOKING_CREATED and BOOKING_CANCELLED", async () => {
    const { proxy, sandbox, calls } = setup();
    const slots = ((await (await get(proxy, `${WEEK}&staff=anna`)).json()) as { slots: string[] }).slots;
    assert.equal((await get(proxy, `${WEEK}&staff=anna`)).headers.get('x-cache'), 'HIT');
    // Someone books Anna directly on Cal.com, not through the proxy.
    const booked = await sandbox.fetch(
      new Request('https://sandbox.test/v2/bookings', {
        method: 'POST',
        headers: { 'cal-api-version': '2024-08-13', 'content-type': 'application/json' },
        body: JSON.stringify({
          eventTypeId: 2001,
          start: new Date(slots[0]!).toISOString(),
          attendee: { name: 'Zoe', email: 'z@example.com', timeZone: 'UTC' },
        }),
      }),
    );
    assert.equal(booked.status, 201);
    const after = await get(proxy, `${WEEK}&staff=anna`);
    assert.equal(after.headers.get('x-cache'), 'MISS');
    assert.ok(!((await after.json()) as { slots: string[] }).slots.includes(slots[0]!), 'the booked time is gone');

    const uid = ((await booked.json()) as { data: { uid: string } }).data.uid;
    const before = calls();
    await sandbox.fetch(
      new Request(`https://sandbox.test/v2/bookings/${uid}/cancel`, {
        method: 'POST',
        headers: { 'cal-api-version': '2024-08-13' },
      }),
    );
    const freed = await get(proxy, `${WEEK}&staff=anna`);
    assert.equal(freed.headers.get('x-cache'), 'MISS');
    assert.ok(
      ((await freed.json()) as { slots: string[] }).slots.includes(slots[0]!),
      'the cancelled time is free again',
    );
    assert.equal(calls(), before + 1);
  });

  it('answers 401 to a missing or wrong signature and drops nothing', async () => {
    const { proxy } = setup();
    await get(proxy, WEEK);
    const body = JSON.stringify({
      triggerEvent: 'BOOKING_CREATED',
      createdAt: new Date(NOW).toISOString(),
      payload: { eventTypeId: 1001 },
    });
    for (const signature of [
      undefined,
      'no-secret-provided',
      await sign('another-secret-value', body),
      (await sign(SECRET, body)).replace(/.$/, '0'),
    ]) {
      const res = await deliver(proxy, body, signature);
      assert.equal(res.status, 401, String(signature));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_signature');
    }
    // The signature covers the exact bytes: the same JSON re-serialised does not pass.
    assert.equal(
      (await deliver(proxy, JSON.stringify(JSON.parse(body), null, 1), await sign(SECRET, body))).status,
      401,
    );
    assert.equal((await get(proxy, WEEK)).headers.get('x-cache'), 'HIT');
  });

  it('drops by event type id for BOOKING_RESCHEDULED, ignores other triggers, rejects bad JSON', async () => {
    const { proxy } = setup();
    await get(proxy, WEEK);
    const other = JSON.stringify({
      triggerEvent: 'MEETING_ENDED',
      createdAt: new Date(NOW).toISOString(),
      payload: { eventTypeId: 1001 },
    });
    assert.deepEqual(await (await deliver(proxy, other, await sign(SECRET, other))).json(), {
      received: true,
      dropped: 0,
    });
    assert.equal((await get(proxy, WEEK)).headers.get('x-cache'), 'HIT');
    const moved = JSON.stringify({
      triggerEvent: 'BOOKING_RESCHEDULED',
      createdAt: '2025-10-20T06:00:00Z',
      payload: { eventTypeId: 1001, rescheduleUid: 'x' },
    });
    assert.deepEqual(await (await deliver(proxy, moved, await sign(SECRET, moved))).json(), {
      received: true,
      dropped: 1,
    });
    assert.equal((await get(proxy, WEEK)).headers.get('x-cache'), 'MISS');
    const broken = '{"triggerEvent":';
    assert.equal((await deliver(proxy, broken, await sign(SECRET, broken))).status, 400);
  });

  it('is not served when no webhookSecret is configured', async () => {
    const sandbox = createSandbox({ now: () => NOW, rateLimit: false });
    const proxy = createProxy({ upstream: sandbox.fetch, config: demo(), now: () => NOW, log: () => {} });
    const body = '{}';
    assert.equal((await deliver(proxy, body, await sign('whatever-secret-1234', body))).status, 404);
  });

  it("on the built-in sandbox, takes the sandbox's own webhooks (a secret of its own) and refuses anyone else's", async () => {
    const proxy = createProxy({ upstream: 'sandbox', config: demo(), now: () => NOW, log: () => {} });
    const body = JSON.stringify({ triggerEvent: 'BOOKING_CREATED', createdAt: new Date(NOW).toISOString() });
    assert.equal((await deliver(proxy, body, await sign('whatever-secret-1234', body))).status, 401);
  });
});
