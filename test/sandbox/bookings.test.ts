import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/sandbox.js';

/** The consultation's required booking fields, answered. */
const CONSULTATION = { topic: 'A trim', 'first-visit': 'no', consent: true };

const NOW = Date.parse('2025-10-20T06:00:00Z'); // Monday 08:00 in Berlin
const BASE = 'https://sandbox.test/v2';

type Sandbox = ReturnType<typeof createSandbox>;
type ErrorBody = {
  status: string;
  path: string;
  error: { code: string; message: string; details: { statusCode: number } };
};
type BookingBody = {
  status: string;
  data: {
    uid: string;
    start: string;
    end: string;
    status: string;
    duration: number;
    eventTypeId: number;
    hosts: { username: string }[];
    attendees: { name: string; email: string; timeZone: string }[];
  };
};

const attendee = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/London', language: 'en' };

function book(sandbox: Sandbox, body: unknown, version = '2024-08-13') {
  return sandbox.fetch(
    new Request(`${BASE}/bookings`, {
      method: 'POST',
      headers: { 'cal-api-version': version, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function firstSlot(sandbox: Sandbox, query: string): Promise<string> {
  const res = await sandbox.fetch(
    new Request(`${BASE}/slots?${query}&start=2025-10-21&end=2025-10-21`, {
      headers: { 'cal-api-version': '2024-09-04' },
    }),
  );
  const body = (await res.json()) as { data: Record<string, { start: string }[]> };
  return Object.values(body.data)[0]![0]!.start;
}

describe('sandbox: POST /v2/bookings', () => {
  it('books a free slot with 201 in the BookingOutput shape, and the slot is gone for everyone afterwards', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const start = await firstSlot(sandbox, 'eventTypeSlug=haircut&username=anna-berg');
    const res = await book(sandbox, {
      eventTypeSlug: 'haircut',
      username: 'anna-berg',
      start,
      attendee,
      bookingFieldsResponses: { notes: 'Short please' },
    });
    assert.equal(res.status, 201);
    const { status, data } = (await res.json()) as BookingBody;
    assert.equal(status, 'success');
    assert.equal(data.status, 'accepted');
    assert.equal(data.start, start);
    assert.equal(Date.parse(data.end) - Date.parse(data.start), 30 * 60_000);
    assert.equal(data.duration, 30);
    assert.equal(data.eventTypeId, 2001);
    assert.equal(data.hosts[0]!.username, 'anna-berg');
    assert.deepEqual(data.attendees[0]!.timeZone, 'Europe/London');
    assert.match(data.uid, /^sbx_/);
    // Anna is now busy at that time in every event type: her personal haircut and the team consultation.
    assert.notEqual(await firstSlot(sandbox, 'eventTypeSlug=haircut&username=anna-berg'), start);
    const again = await book(sandbox, { eventTypeId: 2004, start, attendee, bookingFieldsResponses: CONSULTATION });
    assert.equal(again.status, 400);
    const error = (await again.json()) as ErrorBody;
    assert.equal(error.error.code, 'BadRequestException');
    assert.equal(error.error.message, 'User either already has booking at this time or is not available');
    assert.equal(error.error.details.statusCode, 400);
  });

  it('gives a round-robin booking to a free host, and says "One of the hosts" once none is free', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const start = await firstSlot(sandbox, 'eventTypeId=1003');
    const hosts = new Set<string>();
    let status = 201;
    for (let i = 0; i < 3 && status === 201; i++) {
      const res = await book(sandbox, { eventTypeId: 1003, start, attendee, bookingFieldsResponses: CONSULTATION });
      status = res.status;
      if (status === 201) hosts.add(((await res.json()) as BookingBody).data.hosts[0]!.username);
      else
        assert.equal(
          ((await res.json()) as ErrorBody).error.message,
          'One of the hosts either already has booking at this time or is not available',
        );
    }
    assert.equal(status, 400);
    assert.ok(hosts.size >= 1);
  });

  it('answers like Cal.com to a wrong version, a missing event type, the past and the minimum notice', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const cases: [unknown, string, number, RegExp][] = [
      [{ eventTypeId: 2001, start: '2025-10-21T08:00:00Z', attendee }, '2024-09-04', 404, /Cannot POST/],
      [{ start: '2025-10-21T08:00:00Z', attendee }, '2024-08-13', 400, /^Either eventTypeId or eventTypeSlug/],
      [
        { eventTypeId: 99, start: '2025-10-21T08:00:00Z', attendee },
        '2024-08-13',
        404,
        /^Event type with id 99 not found\.$/,
      ],
      [
        { eventTypeId: 2001, start: '2025-10-19T08:00:00Z', attendee },
        '2024-08-13',
        400,
        /^Attempting to book a meeting in the past\.$/,
      ],
      [
        { eventTypeId: 2001, start: '2025-10-20T06:30:00Z', attendee },
        '2024-08-13',
        400,
        /^The event type can't be booked at the "start" time provided/,
      ],
      [{ eventTypeId: 2001, start: 'tomorrow', attendee }, '2024-08-13', 400, /^start property is wrong/],
      [
        { eventTypeId: 2001, start: '2025-10-21T08:00:00Z', attendee: { name: 'A', timeZone: 'Mars/Base' } },
        '2024-08-13',
        400,
        /timeZone/,
      ],
    ];
    for (const [body, version, status, message] of cases) {
      const res = await book(sandbox, body, version);
      assert.equal(res.status, status, JSON.stringify(body));
      const error = (await res.json()) as ErrorBody;
      assert.equal(error.status, 'error');
      assert.equal(error.path, '/v2/bookings');
      assert.match(error.error.message, message);
    }
    assert.equal(sandbox.data.bookings.filter((b) => b.attendees.length > 0).length, 0);
  });
});
