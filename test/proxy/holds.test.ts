import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { API_KEY, NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

type HoldJson = { hold: { uid: string; start: string; end: string; until: string } };
type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };

const json = { 'content-type': 'application/json' };
const attendee = { name: 'Ada Lovelace', email: 'ada@example.com' };

function setup(options: { apiKey?: string; minutes?: number } = {}) {
  const upstream = countingSandbox();
  const config = demo();
  const proxy = createProxy({
    config: { ...config, holds: { ...config.holds, minutes: options.minutes ?? config.holds.minutes } },
    upstream: upstream.fetch,
    apiKey: options.apiKey,
    now: () => NOW,
    log: () => {},
  });
  const send = (method: string, path: string, body?: unknown) =>
    get(proxy, path, { method, headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
  const slots = async (path = `${WEEK}&staff=anna`) =>
    ((await (await get(proxy, path)).json()) as { slots: string[] }).slots;
  return { upstream, proxy, send, slots };
}

describe('proxy: holds (POST/PATCH/DELETE /holds)', () => {
  it('holds a time: 201 with its uid and end, and the time leaves every cached week at once', async () => {
    const { upstream, proxy, send, slots } = setup();
    const start = (await slots())[0]!;
    assert.ok((await slots(WEEK)).includes(start), 'cached in the "any available" week too');
    const res = await send('POST', '/holds', { service: 'haircut', staff: 'anna', start });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { hold } = (await res.json()) as HoldJson;
    assert.equal(Date.parse(hold.start), Date.parse(start));
    assert.equal(Date.parse(hold.until), NOW + 5 * 60_000, 'Cal.com’s default without a key');
    const reserved = upstream.sandbox.requests.find((r) => r.url.endsWith('/slots/reservations'));
    assert.equal(reserved?.method, 'POST');
    assert.ok(!(await slots()).includes(start), 'gone from Anna’s week');
    assert.ok(!(await slots(WEEK)).includes(start), 'gone from the "any available" week');
    await proxy.close();
  });

  it('sends reservationDuration from the config when it has a key', async () => {
    const { upstream, send, slots } = setup({ apiKey: API_KEY, minutes: 12 });
    const start = (await slots())[0]!;
    const { hold } = (await (
      await send('POST', '/holds', { service: 'haircut', staff: 'anna', start })
    ).json()) as HoldJson;
    assert.equal(Date.parse(hold.until), NOW + 12 * 60_000);
    assert.equal(upstream.sandbox.data.reservations?.[0]?.until, NOW + 12 * 60_000);
  });

  it('two visitors, one time: the second gets 409 slot_unavailable, and cannot book it either', async () => {
    const { send, slots } = setup();
    const start = (await slots())[0]!;
    const first = (await (
      await send('POST', '/holds', { service: 'haircut', staff: 'anna', start })
    ).json()) as HoldJson;
    const second = await send('POST', '/holds', { service: 'haircut', staff: 'anna', start });
    assert.equal(second.status, 409);
    assert.equal(((await second.json()) as ErrorJson).error.code, 'slot_unavailable');
    const base = { service: 'haircut', staff: 'anna', start, timeZone: 'Europe/Berlin', attendee };
    const sneaky = await send('POST', '/bookings', base);
    assert.equal(sneaky.status, 409);
    assert.equal(((await sneaky.json()) as ErrorJson).error.code, 'slot_unavailable');
    const mine = await send('POST', '/bookings', { ...base, hold: first.hold.uid });
    assert.equal(mine.status, 201);
  });

  it('lets a hold go (DELETE, or POST …/release from a closing page): the time is back for everyone', async () => {
    const { upstream, proxy, send, slots } = setup();
    for (const [method, suffix] of [
      ['DELETE', ''],
      ['POST', '/release'],
    ] as const) {
      const start = (await slots())[0]!;
      const { hold } = (await (
        await send('POST', '/holds', { service: 'haircut', staff: 'anna', start })
      ).json()) as HoldJson;
      assert.ok(!(await slots()).includes(start));
      const res = await get(proxy, `/holds/${hold.uid}${suffix}`, { method });
      assert.equal(res.status, 200, method);
      assert.deepEqual(await res.json(), { released: true });
      assert.ok((await slots()).includes(start), `${method}${suffix}: back in the week`);
      assert.equal(upstream.sandbox.data.reservations?.length, 0);
    }
  });

  it('renews a hold with PATCH: the same uid, a later end', async () => {
    let now = NOW;
    const sandbox = createSandbox({ now: () => now, rateLimit: false });
    const proxy = createProxy({ config: demo(), upstream: sandbox.fetch, now: () => now, log: () => {} });
    const body = (start: string) => ({
      method: 'POST',
      headers: json,
      body: JSON.stringify({ service: 'haircut', staff: 'anna', start }),
    });
    const { slots } = (await (await get(proxy, `${WEEK}&staff=anna`)).json()) as { slots: string[] };
    const { hold } = (await (await get(proxy, '/holds', body(slots[3]!))).json()) as HoldJson;
    now += 4 * 60_000;
    const renewed = await get(proxy, `/holds/${hold.uid}`, { ...body(slots[3]!), method: 'PATCH' });
    assert.equal(renewed.status, 200);
    const again = ((await renewed.json()) as HoldJson).hold;
    assert.equal(again.uid, hold.uid);
    assert.ok(Date.parse(again.until) > Date.parse(hold.until));
    await proxy.close();
  });

  it('refuses bad input with a 4xx naming the field, before any call upstream', async () => {
    const { upstream, proxy, send, slots } = setup();
    const start = (await slots())[0]!;
    const calls = upstream.calls;
    const cases: [unknown, number, string][] = [
      [{ service: 'haircut', start, extra: 1 }, 400, 'extra'],
      [{ service: 'nope', start }, 404, 'service'],
      [{ service: 'haircut', staff: 'chloe', start }, 400, 'staff'],
      [{ service: 'haircut', start: '2025-10-19T08:00:00Z' }, 400, 'start'],
      [{ service: 'haircut', start, duration: 45 }, 400, 'duration'],
    ];
    for (const [body, status, field] of cases) {
      const res = await send('POST', '/holds', body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(((await res.json()) as ErrorJson).error.details?.field, field);
    }
    const text = await get(proxy, '/holds', { method: 'POST', body: '{}' });
    assert.equal(text.status, 415);
    const badUid = await send('DELETE', '/holds/..%2Fbookings');
    assert.equal(badUid.status, 404);
    assert.equal(upstream.calls, calls);
  });
});
