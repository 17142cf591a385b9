import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../../src/sandbox/sandbox.js';

const NOW = Date.parse('2025-10-20T06:00:00Z'); // Monday 08:00 in Berlin
const attendee = { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/Berlin', language: 'en' };
const answers = { topic: 'A shorter cut', 'first-visit': 'no', consent: true };

type Envelope = { status: string; data: Record<string, unknown>; error?: { message: string } };

async function book(
  body: Record<string, unknown>,
  webhooks: { triggers: string[]; bodies: string[] } | undefined = undefined,
) {
  const sandbox = createSandbox({
    now: () => NOW,
    rateLimit: false,
    webhooks: webhooks && [
      {
        subscriberUrl: 'https://proxy.test/webhooks/calcom',
        deliver: async (request) => {
          webhooks.bodies.push(await request.text());
          return new Response(null, { status: 204 });
        },
      },
    ],
  });
  // The first time the event type has free, as a booking page would take it from /v2/slots.
  const slots = await sandbox.fetch(
    new Request(
      `https://sandbox.test/v2/slots?eventTypeId=${String(body.eventTypeId)}&start=2025-10-21&end=2025-10-24&timeZone=UTC`,
      { headers: { 'cal-api-version': '2024-09-04' } },
    ),
  );
  const days = ((await slots.json()) as { data: Record<string, { start: string }[]> }).data;
  const start = Object.values(days).flat()[0]!.start;
  const res = await sandbox.fetch(
    new Request('https://sandbox.test/v2/bookings', {
      method: 'POST',
      headers: { 'cal-api-version': '2024-08-13', 'content-type': 'application/json' },
      body: JSON.stringify({ start, attendee, ...body }),
    }),
  );
  return { status: res.status, body: (await res.json()) as Envelope };
}

describe('sandbox: booking fields, guests, locations, confirmation (Cal.com POST /v2/bookings)', () => {
  it('refuses a booking without a required field of the event type, or with a value its options lack', async () => {
    const missing = await book({ eventTypeId: 2004, bookingFieldsResponses: { topic: 'x', consent: true } });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error!.message, /first-visit/);
    const wrong = await book({ eventTypeId: 2004, bookingFieldsResponses: { ...answers, 'hair-length': 'blue' } });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error!.message, /hair-length/);
  });

  it('answers with the guests, the location as Cal.com writes it, and the responses', async () => {
    const { status, body } = await book({
      eventTypeId: 2004,
      bookingFieldsResponses: answers,
      guests: ['bob@example.com'],
      location: { type: 'attendeePhone', phone: '+49301234567' },
    });
    assert.equal(status, 201, JSON.stringify(body));
    assert.deepEqual(body.data.guests, ['bob@example.com']);
    assert.equal(body.data.location, '+49301234567');
    assert.deepEqual(body.data.bookingFieldsResponses, { name: attendee.name, email: attendee.email, ...answers });
    const phoneless = await book({ eventTypeId: 2001, location: { type: 'attendeePhone', phone: '+4930' } });
    assert.equal(phoneless.status, 400, 'a haircut has no phone location');
    assert.equal((await book({ eventTypeId: 2004, bookingFieldsResponses: answers, guests: ['x'] })).status, 400);
  });

  it('a type that requires confirmation books as pending and sends BOOKING_REQUESTED', async () => {
    const webhooks = { triggers: [], bodies: [] as string[] };
    const { status, body } = await book({ eventTypeId: 2003 }, webhooks);
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.data.status, 'pending');
    const sent = JSON.parse(webhooks.bodies[0]!) as { triggerEvent: string; payload: { status: string } };
    assert.equal(sent.triggerEvent, 'BOOKING_REQUESTED');
    assert.equal(sent.payload.status, 'PENDING');
  });
});
