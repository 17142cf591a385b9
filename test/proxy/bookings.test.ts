import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };
type BookingJson = {
  booking: { uid: string; start: string; end: string; status: string; service: string; staff: string | null };
};

const attendee = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958', notes: 'First visit' };

function setup() {
  const upstream = countingSandbox();
  const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    get(proxy, '/bookings', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const slots = async (path = WEEK) => ((await (await get(proxy, path)).json()) as { slots: string[] }).slots;
  return { upstream, proxy, post, slots };
}

describe('proxy: POST /bookings', () => {
  it('books through Cal.com, answers 201 with our ids, and drops the stale cached slots', async () => {
    const { upstream, proxy, post, slots } = setup();
    const before = await slots(`${WEEK}&staff=anna`);
    const anyBefore = await slots();
    const start = before[0]!;
    const res = await post({
      service: 'haircut',
      staff: 'anna',
      start,
      timeZone: 'Europe/Berlin',
      attendee,
      locale: 'de-DE',
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const { booking } = (await res.json()) as BookingJson;
    assert.equal(booking.service, 'haircut');
    assert.equal(booking.staff, 'anna');
    assert.equal(booking.status, 'accepted');
    assert.equal(Date.parse(booking.start), Date.parse(start));
    assert.equal(Date.parse(booking.end) - Date.parse(booking.start), 30 * 60_000);
    const made = upstream.sandbox.data.bookings.at(-1)!;
    assert.equal(made.attendees[0]!.language, 'de');
    assert.equal(made.attendees[0]!.phoneNumber, '+442079460958');
    assert.deepEqual(made.bookingFieldsResponses.notes, 'First visit');
    // Anna's own week and the "any available" week were both cached; both are reloaded without the slot.
    const callsBefore = upstream.calls;
    assert.equal((await get(proxy, `${WEEK}&staff=anna`)).headers.get('x-cache'), 'MISS');
    assert.ok(!(await slots(`${WEEK}&staff=anna`)).includes(start));
    assert.equal((await get(proxy, WEEK)).headers.get('x-cache'), 'MISS');
    assert.ok(upstream.calls > callsBefore);
    assert.ok(anyBefore.length > 0);
  });

  it('names who took an "any available" booking', async () => {
    const { post, slots } = setup();
    const start = (await slots('/slots?service=coaching&start=2025-10-20&end=2025-10-26&timeZone=UTC'))[0]!;
    const res = await post({
      service: 'coaching',
      staff: null,
      start,
      timeZone: 'UTC',
      duration: 30,
      attendee: { name: 'Bo', email: 'bo@example.com' },
    });
    assert.equal(res.status, 201);
    const { booking } = (await res.json()) as BookingJson;
    assert.equal(booking.staff, null); // Chloé is configured by event type ids, not a username: no id to name
    assert.equal(Date.parse(booking.end) - Date.parse(booking.start), 30 * 60_000);
    const any = setup();
    const haircut = (await any.slots())[0]!;
    const taken = (await (
      await any.post({ service: 'haircut', start: haircut, timeZone: 'Europe/Berlin', attendee })
    ).json()) as BookingJson;
    assert.ok(taken.booking.staff === 'anna' || taken.booking.staff === 'ben');
  });

  it('answers 409 slot_unavailable when the time was taken meanwhile, and serves fresh slots after', async () => {
    const { post, slots, proxy } = setup();
    const start = (await slots(`${WEEK}&staff=ben`))[0]!;
    const body = { service: 'haircut', staff: 'ben', start, timeZone: 'Europe/Berlin', attendee };
    assert.equal((await post(body)).status, 201);
    await slots(`${WEEK}&staff=ben`); // cache the week again, now without the slot
    const second = await post(body);
    assert.equal(second.status, 409);
    const error = (await second.json()) as ErrorJson;
    assert.equal(error.error.code, 'slot_unavailable');
    assert.match(error.error.message, /just taken/);
    assert.equal((await get(proxy, `${WEEK}&staff=ben`)).headers.get('x-cache'), 'MISS');
  });

  it('rejects bad bodies with a JSON 4xx naming the field, before anything goes to Cal.com', async () => {
    const { upstream, post } = setup();
    const good = { service: 'haircut', start: '2025-10-21T10:00:00+02:00', timeZone: 'Europe/Berlin', attendee };
    const cases: [unknown, number, string, string][] = [
      [{ ...good, service: undefined }, 400, 'service', 'invalid_request'],
      [{ ...good, start: '21.10.2025 10:00' }, 400, 'start', 'invalid_request'],
      [{ ...good, timeZone: 'Berlin' }, 400, 'timeZone', 'invalid_request'],
      [{ ...good, attendee: { ...attendee, name: '  ' } }, 400, 'attendee.name', 'invalid_request'],
      [{ ...good, attendee: { ...attendee, email: 'not-an-email' } }, 400, 'attendee.email', 'invalid_request'],
      [{ ...good, attendee: { name: 'Ada' } }, 400, 'attendee.email', 'invalid_request'],
      [{ ...good, attendee: { ...attendee, phone: 'call me' } }, 400, 'attendee.phone', 'invalid_request'],
      [{ ...good, attendee: { ...attendee, notes: 'x'.repeat(2001) } }, 400, 'attendee.notes', 'invalid_request'],
      [{ ...good, locale: '!!' }, 400, 'locale', 'invalid_request'],
      [{ ...good, eventTypeId: 1 }, 400, 'eventTypeId', 'invalid_request'],
      [{ ...good, duration: 45 }, 400, 'duration', 'invalid_request'],
      [{ ...good, staff: 'chloe' }, 400, 'staff', 'invalid_request'],
      [{ ...good, service: 'nails' }, 404, 'service', 'unknown_service'],
      [{ ...good, staff: 'zoe' }, 404, 'staff', 'unknown_staff'],
      ['{"service":', 400, 'body', 'invalid_json'],
      [[1, 2], 400, 'body', 'invalid_request'],
      [{ ...good, attendee: { ...attendee, notes: 'x'.repeat(20_000) } }, 413, 'body', 'body_too_large'],
    ];
    for (const [body, status, field, code] of cases) {
      const res = await post(body);
      assert.equal(res.status, status, JSON.stringify(body).slice(0, 80));
      const error = (await res.json()) as ErrorJson;
      assert.equal(error.error.code, code, JSON.stringify(body).slice(0, 80));
      assert.equal(error.error.details?.field, field, JSON.stringify(body).slice(0, 80));
    }
    const plain = await post(good, { 'content-type': 'text/plain' });
    assert.equal(plain.status, 415);
    assert.equal(((await plain.json()) as ErrorJson).error.details?.field, 'content-type');
    assert.equal(upstream.calls, 0);
  });
});
