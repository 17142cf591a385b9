import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/sandbox.js';

const NOW = Date.parse('2025-10-20T06:00:00Z'); // Monday 08:00 in Berlin
const BASE = 'https://sandbox.test/v2';
const attendee = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London', language: 'en' };

type Sandbox = ReturnType<typeof createSandbox>;
type Envelope<T> = { status: string; data: T; error?: { code: string; message: string } };
interface Reservation {
  eventTypeId: number;
  slotStart: string;
  slotEnd: string;
  slotDuration: number;
  reservationUid: string;
  reservationDuration?: number;
  reservationUntil: string;
}
interface Booking {
  uid: string;
  start: string;
  end: string;
  status: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  cancellationReason?: string;
  attendees: { email: string }[];
}

function call(sandbox: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const version = path.startsWith('/slots') ? '2024-09-04' : '2024-08-13';
  return sandbox.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { 'cal-api-version': version, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

async function json<T>(response: Response): Promise<Envelope<T>> {
  return (await response.json()) as Envelope<T>;
}

async function slots(sandbox: Sandbox, query: string): Promise<string[]> {
  const res = await call(sandbox, 'GET', `/slots?${query}&start=2025-10-21&end=2025-10-21`);
  return Object.values((await json<Record<string, { start: string }[]>>(res)).data).flatMap((d) =>
    d.map((s) => s.start),
  );
}

describe('sandbox: slot reservations (calcom-api.md §2)', () => {
  it('reserves for 5 minutes by default, hides the time from everyone, and frees it on DELETE', async () => {
    let now = NOW;
    const sandbox = createSandbox({ now: () => now });
    const [start] = await slots(sandbox, 'eventTypeId=2001');
    const res = await call(sandbox, 'POST', '/slots/reservations', { eventTypeId: 2001, slotStart: start });
    assert.equal(res.status, 201);
    const { data } = await json<Reservation>(res);
    assert.equal(data.slotStart, start);
    assert.equal(data.slotDuration, 30);
    assert.equal(data.reservationDuration, 5);
    assert.equal(Date.parse(data.reservationUntil), NOW + 5 * 60_000);
    assert.ok(!(await slots(sandbox, 'eventTypeId=2001')).includes(start!));
    // Anna's time is held in her other event types too.
    assert.ok(!(await slots(sandbox, 'eventTypeSlug=consultation&username=anna-berg')).includes(start!));

    const got = await json<Reservation>(await call(sandbox, 'GET', `/slots/reservations/${data.reservationUid}`));
    assert.equal(got.data.reservationUid, data.reservationUid);
    assert.equal(got.data.reservationDuration, undefined);

    const deleted = await call(sandbox, 'DELETE', `/slots/reservations/${data.reservationUid}`);
    assert.deepEqual(await deleted.json(), { status: 'success' });
    assert.ok((await slots(sandbox, 'eventTypeId=2001')).includes(start!));
    assert.equal(
      (await json<null>(await call(sandbox, 'GET', `/slots/reservations/${data.reservationUid}`))).data,
      null,
    );

    // An expired reservation holds nothing.
    await call(sandbox, 'POST', '/slots/reservations', { eventTypeId: 2001, slotStart: start });
    now += 5 * 60_000 + 1;
    assert.ok((await slots(sandbox, 'eventTypeId=2001')).includes(start!));
  });

  it('takes reservationDuration only from an authenticated caller, and refuses a held or booked time with 422', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const [start] = await slots(sandbox, 'eventTypeId=2001');
    const anonymous = await call(sandbox, 'POST', '/slots/reservations', {
      eventTypeId: 2001,
      slotStart: start,
      reservationDuration: 10,
    });
    assert.equal(anonymous.status, 401);
    assert.match((await json(anonymous)).error!.message, /^reservationDuration can only be used for authenticated/);
    const keyed = await call(
      sandbox,
      'POST',
      '/slots/reservations',
      { eventTypeId: 2001, slotStart: start, reservationDuration: 10 },
      { authorization: 'Bearer cal_test' },
    );
    assert.equal((await json<Reservation>(keyed)).data.reservationDuration, 10);
    const second = await call(sandbox, 'POST', '/slots/reservations', { eventTypeId: 2001, slotStart: start });
    assert.equal(second.status, 422);
    assert.equal(
      (await json(second)).error!.message,
      'This time slot is already reserved by another user. Please choose a different time.',
    );
    const [, later] = await slots(sandbox, 'eventTypeId=2001');
    assert.equal((await call(sandbox, 'POST', '/bookings', { eventTypeId: 2001, start: later, attendee })).status, 201);
    const onBooked = await call(sandbox, 'POST', '/slots/reservations', { eventTypeId: 2001, slotStart: later });
    assert.equal(onBooked.status, 422);
    assert.equal((await json(onBooked)).error!.message, "Can't reserve a slot if the event is already booked.");
    const notFound = await call(sandbox, 'PATCH', '/slots/reservations/nope', { eventTypeId: 2001, slotStart: start });
    assert.equal(notFound.status, 404);
  });

  it('books a held time only with its reservedSlotUid: 409 "Someone else reserved" for anyone else', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const [start] = await slots(sandbox, 'eventTypeId=2001');
    const hold = await json<Reservation>(
      await call(sandbox, 'POST', '/slots/reservations', { eventTypeId: 2001, slotStart: start }),
    );
    const other = await call(sandbox, 'POST', '/bookings', { eventTypeId: 2001, start, attendee });
    assert.equal(other.status, 409);
    assert.match(
      (await json(other)).error!.message,
      /^Someone else reserved this booking time slot before you\. This time slot will be freed up in 300 seconds\.$/,
    );
    const mine = await call(sandbox, 'POST', '/bookings', {
      eventTypeId: 2001,
      start,
      attendee,
      reservedSlotUid: hold.data.reservationUid,
    });
    assert.equal(mine.status, 201);
    assert.equal(sandbox.data.reservations?.length, 0, 'a booking deletes the reservation it used');
  });
});

describe('sandbox: a booking looked up, rescheduled and cancelled by its uid', () => {
  it('GET answers the booking, 404 with Cal.com’s message for an unknown uid', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const [start] = await slots(sandbox, 'eventTypeId=2001');
    const made = await json<Booking>(await call(sandbox, 'POST', '/bookings', { eventTypeId: 2001, start, attendee }));
    const got = await json<Booking>(await call(sandbox, 'GET', `/bookings/${made.data.uid}`));
    assert.equal(got.data.start, start);
    const missing = await call(sandbox, 'GET', '/bookings/unknown-uid');
    assert.equal(missing.status, 404);
    assert.equal((await json(missing)).error!.message, 'Booking with uid=unknown-uid was not found in the database');
  });

  it('reschedules to a new booking (old one cancelled, linked both ways), even overlapping its own old time', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const [first, second] = await slots(sandbox, 'eventTypeSlug=haircut&username=anna-berg');
    const made = await json<Booking>(
      await call(sandbox, 'POST', '/bookings', {
        eventTypeSlug: 'haircut',
        username: 'anna-berg',
        start: first,
        attendee,
      }),
    );
    const res = await call(sandbox, 'POST', `/bookings/${made.data.uid}/reschedule`, {
      start: second,
      reschedulingReason: 'Train late',
    });
    assert.equal(res.status, 201);
    const moved = (await json<Booking>(res)).data;
    assert.notEqual(moved.uid, made.data.uid);
    assert.equal(moved.start, second);
    assert.equal(moved.rescheduledFromUid, made.data.uid);
    assert.equal(moved.attendees[0]!.email, attendee.email);
    const old = (await json<Booking>(await call(sandbox, 'GET', `/bookings/${made.data.uid}`))).data;
    assert.equal(old.status, 'cancelled');
    assert.equal(old.rescheduledToUid, moved.uid);
    assert.ok((await slots(sandbox, 'eventTypeSlug=haircut&username=anna-berg')).includes(first!), 'old time free');

    const again = await call(sandbox, 'POST', `/bookings/${made.data.uid}/reschedule`, { start: first });
    assert.equal(again.status, 400);
    assert.match(
      (await json(again)).error!.message,
      /^Can't reschedule booking with uid=.* because it has been cancelled/,
    );
  });

  it('cancels with a reason, once', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const [start] = await slots(sandbox, 'eventTypeId=2001');
    const made = await json<Booking>(await call(sandbox, 'POST', '/bookings', { eventTypeId: 2001, start, attendee }));
    const res = await call(sandbox, 'POST', `/bookings/${made.data.uid}/cancel`, { cancellationReason: 'Ill' });
    assert.equal(res.status, 200);
    const cancelled = (await json<Booking>(res)).data;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancellationReason, 'Ill');
    assert.ok((await slots(sandbox, 'eventTypeId=2001')).includes(start!));
    const twice = await call(sandbox, 'POST', `/bookings/${made.data.uid}/cancel`, {});
    assert.equal(twice.status, 400);
  });
});
