import assert from 'node:assert/strict';
import { it } from 'node:test';

// The proxy's HTTP contract, as a site's widget uses it, against a running proxy at `base` (…/booking-api) on the
// sandbox with the demo config: the same checks for the Node CLI and for every other runtime the proxy
// names (test/docs/runtimes.test.ts).

type Slots = { service: string; timeZone: string; slots: string[] };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The first free time of haircut with Anna in the coming week. */
async function firstTime(base: string): Promise<string> {
  const answer = await fetch(
    `${base}/slots?service=haircut&staff=anna&start=${day(1)}&end=${day(7)}&timeZone=Europe/Berlin`,
  );
  const { slots } = (await answer.json()) as Slots;
  assert.ok(slots.length > 0, 'Anna has times in the coming week');
  return slots[0]!;
}

const book = (base: string, start: string, key: string) =>
  fetch(`${base}/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      service: 'haircut',
      staff: 'anna',
      start,
      timeZone: 'Europe/Berlin',
      attendee: { name: 'Ada Lovelace', email: 'ada@example.com' },
    }),
  });

/** Registers the contract's tests; `base()` is the running proxy's URL, known once the suite's `before` ran. */
export function proxyContract(base: () => string): void {
  it('GET /health says ok', async () => {
    const answer = await fetch(`${base()}/health`);
    assert.equal(answer.status, 200);
    assert.equal(((await answer.json()) as { status: string }).status, 'ok');
  });

  it('GET /catalog lists the branches, services and staff', async () => {
    const catalog = (await (await fetch(`${base()}/catalog`)).json()) as Record<string, { id: string }[]>;
    assert.ok(catalog.services!.some((s) => s.id === 'haircut'));
    assert.ok(catalog.staff!.some((s) => s.id === 'anna'));
    assert.ok(catalog.branches!.length > 0);
  });

  it('GET /slots answers a week, cached the second time', async () => {
    const url = `${base()}/slots?service=haircut&start=${day(0)}&end=${day(6)}&timeZone=Europe/Berlin`;
    const first = await fetch(url);
    assert.equal(first.status, 200);
    const body = (await first.json()) as Slots;
    assert.equal(body.service, 'haircut');
    assert.ok(body.slots.length > 0);
    const second = await fetch(url);
    assert.equal(second.headers.get('x-cache'), 'HIT');
    assert.deepEqual(((await second.json()) as Slots).slots, body.slots);
  });

  it('rejects a bad request with a JSON 400 naming the field', async () => {
    const answer = await fetch(`${base()}/slots?service=haircut&start=${day(0)}&end=${day(6)}`);
    assert.equal(answer.status, 400);
    const { error } = (await answer.json()) as { error: { code: string; details?: { field?: string } } };
    assert.equal(error.code, 'invalid_request');
    assert.equal(error.details?.field, 'timeZone');
  });

  it('books a time once: the same key answers the same booking, another visitor is told it is taken', async () => {
    const start = await firstTime(base());
    const key = `contract-${crypto.randomUUID()}`;
    const first = await book(base(), start, key);
    assert.equal(first.status, 201, await first.clone().text());
    const { booking } = (await first.json()) as { booking: { uid: string; status: string } };
    assert.equal(booking.status, 'accepted');
    const again = (await (await book(base(), start, key)).json()) as { booking: { uid: string } };
    assert.equal(again.booking.uid, booking.uid, 'a retry with the same key is the same booking');
    const other = await book(base(), start, `${key}-other`);
    assert.equal(other.status, 409);
    assert.equal(((await other.json()) as { error: { code: string } }).error.code, 'slot_unavailable');
    assert.ok(!(await firstTime(base()).then((t) => t === start)), 'gone from the week');
  });
}
