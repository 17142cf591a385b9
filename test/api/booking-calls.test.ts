import { expect } from '@open-wc/testing';
import { AvailabilityClient } from '../../src/api/availability-client.js';
import { cancelBooking, holdTime, lookUpBooking, releaseHold, rescheduleBooking } from '../../src/api/booking-calls.js';
import { BookingApiError } from '../../src/api/errors.js';

interface Sent {
  url: string;
  method: string;
  body?: unknown;
  keepalive?: boolean;
  contentType: string | null;
}

/** A client whose fetch answers from `answer` and records what was sent. */
function clientAnswering(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const entry: Sent = {
      url: input instanceof Request ? input.url : String(input),
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      keepalive: init.keepalive,
      contentType: new Headers(init.headers).get('content-type'),
    };
    sent.push(entry);
    return Promise.resolve(answer(entry));
  };
  return { sent, client: new AvailabilityClient({ baseUrl: '/api/', fetch }) };
}

const signal = new AbortController().signal;
const booking = {
  uid: 'bk 1',
  start: '2025-10-21T07:00:00.000Z',
  end: '2025-10-21T07:30:00.000Z',
  status: 'accepted',
  service: 'haircut',
  staff: 'anna',
};

describe('api/booking-calls: holds, lookups, moves and cancellations', () => {
  it('holds with POST, renews with PATCH, and checks the answer', async () => {
    const hold = { uid: 'h_1', start: booking.start, end: booking.end, until: '2025-10-21T06:05:00.000Z' };
    const { sent, client } = clientAnswering(() => Response.json({ hold }, { status: 201 }));
    const request = { service: 'haircut', staff: 'anna', start: '2025-10-21T09:00:00+02:00', duration: 30 };
    expect(await holdTime(client, request, signal)).to.deep.equal(hold);
    expect(await holdTime(client, request, signal, 'h_1')).to.deep.equal(hold);
    expect(sent.map((s) => [s.method, s.url])).to.deep.equal([
      ['POST', '/api/holds'],
      ['PATCH', '/api/holds/h_1'],
    ]);
    expect(sent[0]!.body).to.deep.equal(request);
    expect(sent[0]!.contentType).to.equal('application/json');
  });

  it('turns a held time into slot_unavailable, and a wrong answer into bad_payload', async () => {
    const taken = clientAnswering(() =>
      Response.json({ error: { code: 'slot_unavailable', message: 'Taken.' } }, { status: 409 }),
    );
    const error = (await holdTime(taken.client, { service: 'haircut', start: booking.start }, signal).catch(
      (e: unknown) => e,
    )) as BookingApiError;
    expect(error).to.be.instanceOf(BookingApiError);
    expect(error.code).to.equal('slot_unavailable');
    const odd = clientAnswering(() => Response.json({ hold: { uid: 'h_1' } }, { status: 201 }));
    const wrong = (await holdTime(odd.client, { service: 'haircut', start: booking.start }, signal).catch(
      (e: unknown) => e,
    )) as BookingApiError;
    expect(wrong.kind).to.equal('bad_payload');
  });

  it('lets a hold go with a POST without a body (no preflight), keepalive when the page closes, and never throws', async () => {
    const { sent, client } = clientAnswering(() => new Response('down', { status: 503 }));
    releaseHold(client, 'h/1');
    releaseHold(client, 'h/2', true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).to.have.length(2);
    expect(sent[0]).to.deep.include({ method: 'POST', url: '/api/holds/h%2F1/release', keepalive: false });
    expect(sent[1]).to.deep.include({ method: 'POST', url: '/api/holds/h%2F2/release', keepalive: true });
    expect(sent.map((s) => [s.body, s.contentType])).to.deep.equal([
      [undefined, null],
      [undefined, null],
    ]);
  });

  it('looks up, moves and cancels by uid (encoded), with the bodies the proxy takes', async () => {
    const { sent, client } = clientAnswering((s) => {
      if (s.url.endsWith('/reschedule'))
        return Response.json({ booking: { ...booking, uid: 'bk 2' }, previousUid: 'bk 1' }, { status: 201 });
      if (s.url.endsWith('/cancel')) return Response.json({ booking: { ...booking, status: 'cancelled' } });
      return Response.json({ booking: { ...booking, anyStaff: false } });
    });
    expect((await lookUpBooking(client, 'bk 1', signal)).anyStaff).to.equal(false);
    const moved = await rescheduleBooking(client, 'bk 1', { start: '2025-10-22T10:00:00+02:00', hold: 'h_1' }, signal);
    expect(moved.previousUid).to.equal('bk 1');
    expect((await cancelBooking(client, 'bk 1', 'Ill', signal)).status).to.equal('cancelled');
    await cancelBooking(client, 'bk 1', undefined, signal);
    expect(sent.map((s) => [s.method, s.url, s.body])).to.deep.equal([
      ['GET', '/api/bookings/bk%201', undefined],
      ['POST', '/api/bookings/bk%201/reschedule', { start: '2025-10-22T10:00:00+02:00', hold: 'h_1' }],
      ['POST', '/api/bookings/bk%201/cancel', { reason: 'Ill' }],
      ['POST', '/api/bookings/bk%201/cancel', {}],
    ]);
  });
});
