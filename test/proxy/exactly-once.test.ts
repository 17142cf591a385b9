import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { API_KEY, NOW, WEEK, demo, get } from './fixtures.js';

type BookingJson = { booking: { uid: string; start: string } };
type UnconfirmedJson = { unconfirmed: { message: string; retryAfterSeconds: number } };

/**
 * The sandbox behind a line that loses answers: a booking is made, but its answer arrives only after the proxy's
 * timeout (`slowBookings`); lookups can be made to fail too (`lookupsFail`).
 */
function flakyCalcom() {
  const sandbox = createSandbox({ now: () => NOW, rateLimit: false });
  const state = { slowBookings: false, lookupsFail: false, posts: 0, lookups: 0 };
  const seeded = sandbox.data.bookings.length;
  /** Bookings made since the start (the sandbox comes with some). */
  const made = () => sandbox.data.bookings.slice(seeded);
  const fetch = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname.endsWith('/v2/bookings')) state.posts++;
    if (request.method === 'GET' && pathname.endsWith('/v2/bookings')) {
      state.lookups++;
      if (state.lookupsFail) throw new TypeError('fetch failed');
    }
    const response = await sandbox.fetch(request);
    if (request.method === 'POST' && state.slowBookings) {
      // Made upstream; the answer never arrives before the proxy gives up.
      await new Promise<void>((_, reject) => {
        const lost = () => reject(request.signal.reason as Error);
        if (request.signal.aborted) lost();
        else request.signal.addEventListener('abort', lost);
      });
    }
    return response;
  };
  return { sandbox, state, fetch, made };
}

function setup(clock = { now: NOW }) {
  const calcom = flakyCalcom();
  const config = demo({ calcom: { timeoutMs: 200 } });
  const proxy = createProxy({ config, upstream: calcom.fetch, apiKey: API_KEY, now: () => clock.now, log: () => {} });
  const firstSlot = async () =>
    ((await (await get(proxy, `${WEEK}&staff=anna`)).json()) as { slots: string[] }).slots[0]!;
  const book = (start: string, key?: string, email = 'ada@example.com') =>
    get(proxy, '/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({
        service: 'haircut',
        staff: 'anna',
        start,
        timeZone: 'Europe/Berlin',
        attendee: { name: 'Ada', email },
      }),
    });
  return { calcom, proxy, firstSlot, book, clock };
}

describe('issue 11 #3: exactly-once bookings', () => {
  it('answers a repeated Idempotency-Key with the first outcome, without a second POST upstream', async () => {
    const { calcom, firstSlot, book } = setup();
    const start = await firstSlot();
    const first = await book(start, 'key-0001-aaaa');
    assert.equal(first.status, 201);
    const again = await book(start, 'key-0001-aaaa');
    assert.equal(again.status, 201);
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(calcom.state.posts, 1);
    assert.equal(calcom.made().length, 1);
    // A taken slot is an outcome too: kept, and not sent again.
    const taken = await book(start, 'key-0002-bbbb', 'bo@example.com');
    assert.equal(taken.status, 409);
    assert.equal((await book(start, 'key-0002-bbbb', 'bo@example.com')).status, 409);
    assert.equal(calcom.state.posts, 2);
  });

  it('shares one POST between identical requests in flight, and refuses a key reused for another booking', async () => {
    const { calcom, firstSlot, book } = setup();
    const start = await firstSlot();
    const answers = await Promise.all([
      book(start, 'key-0003-cccc'),
      book(start, 'key-0003-cccc'),
      book(start, 'key-0003-cccc'),
    ]);
    assert.deepEqual(
      answers.map((r) => r.status),
      [201, 201, 201],
    );
    assert.equal(calcom.state.posts, 1);
    const reused = await book(start, 'key-0003-cccc', 'someone-else@example.com');
    assert.equal(reused.status, 422);
    assert.equal(((await reused.json()) as { error: { code: string } }).error.code, 'idempotency_key_reused');
    assert.equal((await book(start, 'no spaces allowed')).status, 400);
  });

  it('finds a booking whose answer timed out and confirms it, instead of "failed"', async () => {
    const { calcom, firstSlot, book } = setup();
    const start = await firstSlot();
    calcom.state.slowBookings = true;
    const res = await book(start, 'key-0004-dddd');
    assert.equal(res.status, 201);
    const { booking } = (await res.json()) as BookingJson;
    assert.equal(booking.uid, calcom.made()[0]!.uid);
    assert.equal(calcom.state.lookups, 1);
    // The visitor's retry gets the same booking; nothing is posted twice.
    calcom.state.slowBookings = false;
    assert.equal(((await (await book(start, 'key-0004-dddd')).json()) as BookingJson).booking.uid, booking.uid);
    assert.equal(calcom.state.posts, 1);
  });

  it('says "unconfirmed" while it cannot tell, and confirms on the retry once the lookup works', async () => {
    const { calcom, firstSlot, book } = setup();
    const start = await firstSlot();
    calcom.state.slowBookings = true;
    calcom.state.lookupsFail = true;
    const res = await book(start, 'key-0005-eeee');
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('retry-after'), '3');
    const { unconfirmed } = (await res.json()) as UnconfirmedJson;
    assert.match(unconfirmed.message, /not confirmed/);
    assert.doesNotMatch(unconfirmed.message, /Cal\.com/);
    calcom.state.lookupsFail = false;
    const retry = await book(start, 'key-0005-eeee');
    assert.equal(retry.status, 201);
    assert.equal(calcom.state.posts, 1);
    assert.equal(calcom.made().length, 1);
  });

  it('books anew under the same key only once a lookup shows, after Cal.com surely finished, that nothing was made', async () => {
    const clock = { now: NOW };
    const { calcom, firstSlot, book } = setup(clock);
    const start = await firstSlot();
    // The POST never reached a booking: the line failed both ways.
    calcom.state.lookupsFail = true;
    const original = calcom.fetch;
    let dropPost = true;
    const proxy = createProxy({
      config: demo({ calcom: { timeoutMs: 200 } }),
      apiKey: API_KEY,
      now: () => clock.now,
      log: () => {},
      upstream: (request) =>
        request.method === 'POST' && dropPost ? Promise.reject(new TypeError('socket hang up')) : original(request),
    });
    const post = () =>
      get(proxy, '/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'key-0006-ffff' },
        body: JSON.stringify({
          service: 'haircut',
          staff: 'anna',
          start,
          timeZone: 'Europe/Berlin',
          attendee: { name: 'Ada', email: 'ada@example.com' },
        }),
      });
    assert.equal((await post()).status, 202);
    calcom.state.lookupsFail = false;
    dropPost = false;
    assert.equal((await post()).status, 202, 'too early to conclude: Cal.com may still be working on it');
    assert.equal(calcom.made().length, 0);
    clock.now += 31_000;
    const late = await post();
    assert.equal(late.status, 201);
    assert.equal(calcom.made().length, 1);
    void book;
  });
});
