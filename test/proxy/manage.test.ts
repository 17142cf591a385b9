import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { parseConfig } from '../../src/proxy/config.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

type Booking = { uid: string; start: string; end: string; status: string; service: string; staff: string | null };
type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };

const json = { 'content-type': 'application/json' };
const attendee = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958' };

function setup(config = demo(), upstream = countingSandbox()) {
  const proxy = createProxy({ config, upstream: upstream.fetch, now: () => NOW, log: () => {} });
  const send = (method: string, path: string, body?: unknown) =>
    get(proxy, path, { method, headers: json, body: body === undefined ? undefined : JSON.stringify(body) });
  /** The week's free starts, as epoch ms ISO strings (the week is answered in Berlin time). */
  const slots = async (path = `${WEEK}&staff=anna`) =>
    ((await (await get(proxy, path)).json()) as { slots: string[] }).slots.map((s) => new Date(s).toISOString());
  const book = async (staff: string | null = 'anna', start?: string) => {
    const at = start ?? (await slots(staff ? `${WEEK}&staff=${staff}` : WEEK))[0]!;
    const res = await send('POST', '/bookings', { service: 'haircut', staff, start: at, timeZone: 'UTC', attendee });
    assert.equal(res.status, 201);
    return ((await res.json()) as { booking: Booking }).booking;
  };
  return { upstream, proxy, send, slots, book };
}

describe('proxy: a booking by its uid (GET /bookings/:uid)', () => {
  it('answers service, staff, times and status, and nobody’s name, email or phone', async () => {
    const { send, book } = setup();
    const made = await book();
    const res = await send('GET', `/bookings/${made.uid}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = await res.text();
    const { booking } = JSON.parse(text) as { booking: Booking & { anyStaff: boolean } };
    assert.deepEqual(
      { ...booking },
      {
        uid: made.uid,
        start: made.start,
        end: made.end,
        status: 'accepted',
        service: 'haircut',
        staff: 'anna',
        anyStaff: false,
      },
    );
    for (const secret of ['Ada', 'ada@example.com', '7946', 'anna-berg', 'Anna Berg'])
      assert.ok(!text.includes(secret), `leaks ${secret}`);
  });

  it('says which staff took an "any available" booking, and that it was booked as any', async () => {
    const { send, book } = setup();
    const made = await book(null);
    const { booking } = (await (await send('GET', `/bookings/${made.uid}`)).json()) as {
      booking: Booking & { anyStaff: boolean };
    };
    assert.equal(booking.anyStaff, true);
    assert.equal(booking.staff, made.staff);
  });

  it('answers one and the same 404 for an unknown uid, a malformed one and a booking of another event type', async () => {
    const full = setup();
    const haircut = await full.book();
    // The same Cal.com account behind a proxy that serves only coaching: the haircut booking is none of its own.
    const config = demo();
    const narrow = setup({ ...config, services: config.services.filter((s) => s.id === 'coaching') }, full.upstream);
    const foreignUid = haircut.uid;
    const bodies = new Set<string>();
    for (const path of [
      '/bookings/sbx_unknown',
      '/bookings/x.y',
      '/bookings/a%20b',
      '/bookings/' + 'x'.repeat(101),
      `/bookings/${foreignUid}`,
    ]) {
      const res = await narrow.send('GET', path);
      assert.equal(res.status, 404, path);
      bodies.add(await res.text());
    }
    assert.equal(bodies.size, 1, [...bodies].join('\n'));
    assert.match([...bodies][0]!, /"booking_not_found"/);
  });
});

describe('proxy: reschedule and cancel', () => {
  it('moves a booking: 201 with the new booking and the previous uid; the old time is free, the new one taken', async () => {
    const { send, slots, book, upstream } = setup();
    const made = await book();
    const free = await slots();
    assert.ok(!free.includes(made.start));
    assert.ok(made.start.endsWith('Z'));
    const target = free[2]!;
    const res = await send('POST', `/bookings/${made.uid}/reschedule`, { start: target, reason: 'Train late' });
    assert.equal(res.status, 201);
    const answer = (await res.json()) as { booking: Booking; previousUid: string };
    assert.equal(answer.previousUid, made.uid);
    assert.notEqual(answer.booking.uid, made.uid);
    assert.equal(answer.booking.start, target);
    assert.equal(answer.booking.staff, 'anna');
    const after = await slots();
    assert.ok(after.includes(made.start), 'old time free again');
    assert.ok(!after.includes(target), 'new time taken');
    assert.equal(upstream.sandbox.data.bookings.find((b) => b.uid === made.uid)?.reschedulingReason, 'Train late');
    // The same move sent again (its answer lost) answers the booking it made, without moving anything.
    const again = await send('POST', `/bookings/${made.uid}/reschedule`, { start: target });
    assert.equal(again.status, 201);
    assert.equal(((await again.json()) as { booking: Booking }).booking.uid, answer.booking.uid);
    // Another move of the old uid: it was cancelled by the move.
    const other = await send('POST', `/bookings/${made.uid}/reschedule`, { start: after[4] });
    assert.equal(other.status, 409);
    assert.equal(((await other.json()) as ErrorJson).error.code, 'booking_cancelled');
  });

  it('says slot_unavailable when the new time was taken meanwhile', async () => {
    const { send, slots, book } = setup();
    const made = await book();
    const target = (await slots())[1]!;
    await book('anna', target);
    const res = await send('POST', `/bookings/${made.uid}/reschedule`, { start: target });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as ErrorJson).error.code, 'slot_unavailable');
  });

  it('cancels with a reason; a second cancel and a move of a cancelled booking are 409 booking_cancelled', async () => {
    const { send, slots, book, upstream } = setup();
    const made = await book();
    const res = await send('POST', `/bookings/${made.uid}/cancel`, { reason: 'Ill' });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { booking: Booking }).booking.status, 'cancelled');
    assert.equal(upstream.sandbox.data.bookings.find((b) => b.uid === made.uid)?.cancellationReason, 'Ill');
    assert.ok((await slots()).includes(made.start), 'time free again');
    for (const [path, body] of [
      [`/bookings/${made.uid}/cancel`, {}],
      [`/bookings/${made.uid}/reschedule`, { start: made.start }],
    ] as const) {
      const again = await send('POST', path, body);
      assert.equal(again.status, 409, path);
      assert.equal(((await again.json()) as ErrorJson).error.code, 'booking_cancelled');
    }
  });

  it('refuses to change a booking that has taken place (409 booking_past)', async () => {
    const { upstream, send } = setup();
    // The sandbox refuses to book the past, so the booking is written into its data.
    const start = NOW - 2 * 86_400_000;
    upstream.sandbox.data.bookings.push({
      ...{ id: 999, uid: 'sbx_past', eventTypeId: 2001, host: 'anna-berg', start, end: start + 30 * 60_000 },
      ...{
        status: 'accepted',
        title: 'Haircut',
        attendees: [],
        bookingFieldsResponses: {},
        metadata: {},
        createdAt: start,
      },
    });
    assert.equal((await send('GET', '/bookings/sbx_past')).status, 200, 'still shown');
    const res = await send('POST', '/bookings/sbx_past/cancel', {});
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as ErrorJson).error.code, 'booking_past');
  });

  it('validates bodies as strictly as /bookings, before any call upstream', async () => {
    const { send, book, upstream } = setup();
    const made = await book();
    const calls = upstream.calls;
    const cases: [string, unknown, string][] = [
      ['reschedule', { start: 'soon' }, 'start'],
      ['reschedule', { start: made.start, extra: true }, 'extra'],
      ['reschedule', { start: made.start, reason: 'x'.repeat(501) }, 'reason'],
      ['cancel', { reason: 42 }, 'reason'],
      ['cancel', { why: 'x' }, 'why'],
    ];
    for (const [action, body, field] of cases) {
      const res = await send('POST', `/bookings/${made.uid}/${action}`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(((await res.json()) as ErrorJson).error.details?.field, field);
    }
    assert.equal(upstream.calls, calls);
  });

  it('rate-limits lookups by uid tighter than the rest (managePerMinute)', async () => {
    const config = parseConfig({ ...demoConfig, rateLimit: { managePerMinute: 3 } });
    const { send } = setup({ ...config, upstream: { ...config.upstream, requestsPerMinute: 100_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send('GET', '/bookings/sbx_guess' + i)).status);
    assert.deepEqual(statuses, [404, 404, 404, 429, 429]);
  });
});
