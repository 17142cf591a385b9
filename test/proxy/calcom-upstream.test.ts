import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { HttpResponse, delay, http } from 'msw';
import { setupServer } from 'msw/node';
import { createProxy } from '../../src/proxy/handler.js';
import { API_KEY, NOW, WEEK, demo, get } from './fixtures.js';

const CALCOM = 'https://api.cal.com/v2';
const server = setupServer();
const seen: Request[] = [];
server.events.on('request:start', ({ request }) => void seen.push(request.clone()));

const ok = () =>
  HttpResponse.json({ status: 'success', data: { '2025-10-21': [{ start: '2025-10-21T09:00:00.000+02:00' }] } });

/** A proxy on msw's Cal.com; without retries unless asked, so each case sees one upstream answer. */
function proxy(timeoutMs = 2_000, retries = 0) {
  const config = demo({ calcom: { timeoutMs } });
  return createProxy({
    config: { ...config, upstream: { ...config.upstream, retries } },
    apiKey: API_KEY,
    now: () => NOW,
    log: () => {},
  });
}

describe('proxy -> Cal.com API v2', () => {
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  after(() => server.close());

  it('asks GET /v2/slots with the key, cal-api-version 2024-09-04 and UTC bounds of the local days', async () => {
    server.use(http.get(`${CALCOM}/slots`, ok));
    const res = await get(proxy(), WEEK);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { slots: string[] }).slots, ['2025-10-21T09:00:00.000+02:00']);
    assert.equal(seen.length, 1);
    const request = seen[0]!;
    assert.equal(request.method, 'GET');
    assert.equal(request.headers.get('authorization'), `Bearer ${API_KEY}`);
    assert.equal(request.headers.get('cal-api-version'), '2024-09-04');
    const url = new URL(request.url);
    assert.equal(`${url.origin}${url.pathname}`, `${CALCOM}/slots`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      eventTypeId: '1001', // the service's team event type: "any available"
      start: '2025-10-19T22:00:00.000Z',
      end: '2025-10-26T22:59:59.999Z',
      timeZone: 'Europe/Berlin',
      duration: '30',
    });
  });

  it('queries a staff member through their own event type: slug + username, or their event type id', async () => {
    server.use(http.get(`${CALCOM}/slots`, ok));
    await get(proxy(), `${WEEK}&staff=anna`);
    await get(
      proxy(),
      '/slots?service=consultation&start=2025-10-20&end=2025-10-26&timeZone=America/New_York&staff=chloe',
    );
    const [anna, chloe] = seen.map((r) => Object.fromEntries(new URL(r.url).searchParams));
    assert.equal(anna!.eventTypeSlug, 'haircut');
    assert.equal(anna!.username, 'anna-berg');
    assert.equal(anna!.eventTypeId, undefined);
    assert.equal(chloe!.eventTypeId, '2005');
    assert.equal(chloe!.duration, '45');
    assert.equal(chloe!.start, '2025-10-20T04:00:00.000Z');
  });

  const failures: [string, () => Response | Promise<Response>, number, string][] = [
    [
      '500',
      () =>
        HttpResponse.json(
          { status: 'error', error: { code: 'InternalServerErrorException', message: 'boom' } },
          { status: 500 },
        ),
      502,
      'upstream_error',
    ],
    [
      '404',
      () =>
        HttpResponse.json(
          { status: 'error', error: { code: 'NotFoundException', message: 'Event Type not found' } },
          { status: 404 },
        ),
      502,
      'upstream_error',
    ],
    [
      '401',
      () =>
        HttpResponse.json(
          {
            status: 'error',
            error: { code: 'UnauthorizedException', message: 'ApiAuthStrategy - api key - Your api key is not valid' },
          },
          { status: 401 },
        ),
      502,
      'upstream_auth',
    ],
    [
      '429',
      () =>
        HttpResponse.json(
          { status: 'error', error: { code: 'ThrottlerException', message: 'Too many' } },
          { status: 429, headers: { 'X-RateLimit-Reset-Default': '42' } },
        ),
      503,
      'upstream_rate_limited',
    ],
    [
      'malformed JSON',
      () => new HttpResponse('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      502,
      'upstream_bad_payload',
    ],
    ['wrong shape', () => HttpResponse.json({ status: 'success', data: { slots: 'x' } }), 502, 'upstream_bad_payload'],
    ['connection refused', () => HttpResponse.error(), 502, 'upstream_unreachable'],
    [
      'timeout',
      async () => {
        await delay(1_000);
        return ok();
      },
      504,
      'upstream_timeout',
    ],
  ];
  for (const [name, respond, status, code] of failures) {
    it(`turns an upstream ${name} into a JSON ${status} ${code}, without the key`, async () => {
      server.use(http.get(`${CALCOM}/slots`, respond));
      const res = await get(proxy(200), WEEK);
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      const text = await res.text();
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, code);
      assert.ok(!text.includes(API_KEY), 'the key must never reach a response');
      if (status === 503) assert.equal(res.headers.get('retry-after'), '42');
    });
  }

  it('does not cache failures', async () => {
    let n = 0;
    server.use(http.get(`${CALCOM}/slots`, () => (++n === 1 ? HttpResponse.json({}, { status: 500 }) : ok())));
    const p = proxy();
    assert.equal((await get(p, WEEK)).status, 502);
    assert.equal((await get(p, WEEK)).status, 200);
    assert.equal(n, 2);
  });

  describe('POST /v2/bookings', () => {
    const body = {
      service: 'haircut',
      staff: 'anna',
      start: '2025-10-21T10:00:00+02:00',
      timeZone: 'Europe/Berlin',
      locale: 'de',
      attendee: { name: 'Ada Lovelace', email: 'ada@example.com', notes: 'Hi' },
    };
    const post = (p = proxy()) =>
      get(p, '/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const booked = () =>
      HttpResponse.json(
        {
          status: 'success',
          data: {
            id: 1,
            uid: 'bk_1',
            title: 'Haircut',
            status: 'accepted',
            start: '2025-10-21T08:00:00.000Z',
            end: '2025-10-21T08:30:00.000Z',
            duration: 30,
            eventTypeId: 2001,
            hosts: [{ id: 101, name: 'Anna Berg', username: 'anna-berg' }],
            attendees: [],
          },
        },
        { status: 201 },
      );

    it('sends cal-api-version 2024-08-13, the event type, the UTC start and the attendee', async () => {
      server.use(http.post(`${CALCOM}/bookings`, booked));
      const res = await post();
      assert.equal(res.status, 201);
      assert.deepEqual(await res.json(), {
        booking: {
          uid: 'bk_1',
          start: '2025-10-21T08:00:00.000Z',
          end: '2025-10-21T08:30:00.000Z',
          status: 'accepted',
          service: 'haircut',
          staff: 'anna',
        },
      });
      const request = seen[0]!;
      assert.equal(request.headers.get('cal-api-version'), '2024-08-13');
      assert.equal(request.headers.get('content-type'), 'application/json');
      assert.equal(request.headers.get('authorization'), `Bearer ${API_KEY}`);
      assert.deepEqual(await request.json(), {
        eventTypeSlug: 'haircut',
        username: 'anna-berg',
        start: '2025-10-21T08:00:00.000Z',
        attendee: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/Berlin', language: 'de' },
        bookingFieldsResponses: { notes: 'Hi' },
        metadata: { source: 'booking-flow' },
      });
    });

    const taken: [string, number, string][] = [
      ['individual busy', 400, 'User either already has booking at this time or is not available'],
      ['team busy', 400, 'One of the hosts either already has booking at this time or is not available'],
      [
        'reserved by someone else',
        409,
        'Someone else reserved this booking time slot before you. This time slot will be freed up in 120 seconds.',
      ],
      [
        'too soon',
        400,
        'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon',
      ],
    ];
    for (const [name, status, message] of taken) {
      it(`maps Cal.com's ${status} "${name}" to 409 slot_unavailable`, async () => {
        server.use(
          http.post(`${CALCOM}/bookings`, () =>
            HttpResponse.json({ status: 'error', error: { code: 'X', message } }, { status }),
          ),
        );
        const res = await post();
        assert.equal(res.status, 409);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'slot_unavailable');
      });
    }

    it('passes other refusals on as a 502 and never retries a booking', async () => {
      server.use(
        http.post(`${CALCOM}/bookings`, () =>
          HttpResponse.json(
            {
              status: 'error',
              error: { code: 'BadRequestException', message: 'Missing required booking field: company' },
            },
            { status: 400 },
          ),
        ),
      );
      const res = await post();
      assert.equal(res.status, 502);
      const text = await res.text();
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'upstream_error');
      assert.ok(!text.includes(API_KEY));
      // A 500 may hide a booking that was made: the proxy looks it up instead of saying "failed", and posts once.
      server.use(
        http.post(`${CALCOM}/bookings`, () => HttpResponse.json({}, { status: 500 })),
        http.get(`${CALCOM}/bookings`, () =>
          HttpResponse.json({ status: 'success', data: [], pagination: { totalItems: 0 } }),
        ),
      );
      seen.length = 0;
      assert.equal((await post()).status, 202);
      assert.deepEqual(
        seen.map((r) => r.method),
        ['POST', 'GET'],
      );
    });
  });
});
