import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TZDate } from '@date-fns/tz';
import { createSandbox } from '../../src/sandbox/sandbox.js';

const NOW = Date.parse('2025-10-20T06:00:00Z'); // Monday 08:00 in Berlin
const BASE = 'https://sandbox.test/v2';

function get(
  sandbox: ReturnType<typeof createSandbox>,
  path: string,
  headers: Record<string, string> = { 'cal-api-version': '2024-09-04' },
) {
  return sandbox.fetch(new Request(`${BASE}${path}`, { headers }));
}

type SlotsBody = { status: string; data: Record<string, { start: string; end?: string }[]> };
type ErrorBody = {
  status: string;
  timestamp: string;
  path: string;
  error: { code: string; message: string; details: unknown };
};

describe('sandbox: GET /v2/slots', () => {
  it('answers in the v2 envelope, keyed by local date, with offsets and milliseconds', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const res = await get(
      sandbox,
      '/slots?eventTypeId=2001&start=2025-10-21T22:00:00.000Z&end=2025-10-22T21:59:59.999Z&timeZone=Europe/Berlin',
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as SlotsBody;
    assert.equal(body.status, 'success');
    assert.deepEqual(Object.keys(body.data), ['2025-10-22']);
    const starts = body.data['2025-10-22']!.map((s) => s.start);
    assert.ok(
      starts.every((s) => /^2025-10-22T\d{2}:\d{2}:00\.000\+02:00$/.test(s)),
      starts.join(),
    );
    // Anna works 09:00-17:00 in Berlin; a 30-minute slot starts no later than 16:30.
    assert.equal(starts[0]!.slice(11, 16) >= '09:00', true);
    assert.equal(starts.at(-1)!.slice(11, 16) <= '16:30', true);
  });

  it('writes UTC times with Z when no timeZone is given, and ranges on request', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const res = await get(sandbox, '/slots?eventTypeId=2006&start=2025-10-21&end=2025-10-21&format=range&duration=30');
    const body = (await res.json()) as SlotsBody;
    const first = body.data['2025-10-21']![0]!;
    // Chloé works 08:00-14:00 in New York (UTC-4 in October): 12:00Z.
    assert.deepEqual(first, { start: '2025-10-21T12:00:00.000Z', end: '2025-10-21T12:30:00.000Z' });
  });

  it('leaves out booked times, times inside the minimum notice, and days off', async () => {
    const now = NOW + 15 * 60_000; // 08:15 in Berlin: 09:00 is inside the 60-minute notice
    const sandbox = createSandbox({
      now: () => now,
      data: { ...createSandbox({ now: () => now }).data, bookings: [] },
    });
    const berlin = (h: number, d = 20) => +new TZDate(2025, 9, d, h, 0, 0, 'Europe/Berlin');
    const slots = async () => {
      const res = await get(sandbox, '/slots?eventTypeId=2001&start=2025-10-20T00:00:00Z&end=2025-10-26T23:59:59Z');
      return Object.values(((await res.json()) as SlotsBody).data)
        .flat()
        .map((s) => Date.parse(s.start));
    };
    let starts = await slots();
    assert.ok(!starts.includes(berlin(8)), 'before working hours');
    assert.ok(!starts.includes(berlin(9)), 'inside the 60-minute notice from 08:15');
    assert.ok(starts.includes(berlin(10)));
    assert.ok(!starts.some((s) => s >= berlin(0, 25)), 'Anna does not work at weekends');
    sandbox.data.bookings.push({
      id: 1,
      uid: 'b1',
      eventTypeId: 2001,
      host: 'anna-berg',
      start: berlin(10),
      end: berlin(11),
      status: 'accepted',
      title: 't',
      attendees: [],
      bookingFieldsResponses: {},
      metadata: {},
      createdAt: now,
    });
    starts = await slots();
    assert.ok(!starts.includes(berlin(10)) && !starts.includes(berlin(10) + 30 * 60_000));
    assert.ok(starts.includes(berlin(11)));
  });

  it('finds personal event types by slug and username, and team ones by id', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const bySlug = await get(
      sandbox,
      '/slots?eventTypeSlug=haircut&username=ben-okafor&start=2025-10-21&end=2025-10-21',
    );
    assert.equal(bySlug.status, 200);
    const ben = Object.values(((await bySlug.json()) as SlotsBody).data).flat();
    const team = Object.values(
      ((await (await get(sandbox, '/slots?eventTypeId=1001&start=2025-10-21&end=2025-10-21')).json()) as SlotsBody)
        .data,
    ).flat();
    assert.ok(ben.length > 0 && team.length > ben.length, 'the team type offers Anna and Ben together');
  });

  it('speaks Cal.com errors: envelope, codes and messages', async () => {
    const sandbox = createSandbox({ now: () => NOW });
    const cases: [string, Record<string, string> | undefined, number, string, string][] = [
      ['/slots?eventTypeId=2001&start=2025-10-21&end=2025-10-22', {}, 404, 'NotFoundException', 'Cannot GET /v2/slots'],
      [
        '/slots?eventTypeId=2001&start=2025-10-21&end=2025-10-22&foo=1',
        undefined,
        400,
        'BadRequestException',
        'foo property is wrong,property foo should not exist ',
      ],
      [
        '/slots?eventTypeId=2001&start=2025-10-22&end=2025-10-21',
        undefined,
        400,
        'BadRequestException',
        "Invalid time range given - check the 'start' and 'end' query parameters.",
      ],
      [
        '/slots?eventTypeId=2001&start=2025-10-21&end=2025-10-22&timeZone=Mars/Base',
        undefined,
        400,
        'BadRequestException',
        'timeZone property is wrong,timeZone must be a valid IANA time zone ',
      ],
      [
        '/slots?eventTypeId=9999&start=2025-10-21&end=2025-10-22',
        undefined,
        404,
        'NotFoundException',
        'Event Type not found',
      ],
      [
        '/slots?eventTypeSlug=haircut&username=nobody&start=2025-10-21&end=2025-10-22',
        undefined,
        404,
        'NotFoundException',
        'User with username nobody not found',
      ],
    ];
    for (const [path, headers, status, code, message] of cases) {
      const res = await get(sandbox, path, headers);
      assert.equal(res.status, status, path);
      const body = (await res.json()) as ErrorBody;
      assert.equal(body.status, 'error');
      assert.equal(body.path, `/v2${path}`);
      assert.equal(body.timestamp, new Date(NOW).toISOString());
      assert.deepEqual(body.error, {
        code,
        message,
        details: { message, error: status === 404 ? 'Not Found' : 'Bad Request', statusCode: status },
      });
    }
  });

  it('checks API keys and rate-limits like Cal.com', async () => {
    const sandbox = createSandbox({
      now: () => NOW,
      apiKey: 'cal_test_good',
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    const path = '/slots?eventTypeId=2001&start=2025-10-21&end=2025-10-21';
    const bad = await get(sandbox, path, { 'cal-api-version': '2024-09-04', authorization: 'Bearer cal_test_bad' });
    assert.equal(bad.status, 401);
    assert.equal(
      ((await bad.json()) as ErrorBody).error.message,
      'ApiAuthStrategy - api key - Your api key is not valid',
    );
    const headers = { 'cal-api-version': '2024-09-04', authorization: 'Bearer cal_test_good' };
    const ok = await get(sandbox, path, headers);
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('x-ratelimit-limit-default'), '2');
    assert.equal(ok.headers.get('x-ratelimit-remaining-default'), '1');
    await get(sandbox, path, headers);
    const limited = await get(sandbox, path, headers);
    assert.equal(limited.status, 429);
    const body = (await limited.json()) as ErrorBody;
    assert.equal(body.error.code, 'ThrottlerException');
    assert.equal(body.error.details, 'CustomThrottlerGuard - Too many requests. Please try again later.');
    assert.equal(limited.headers.get('x-ratelimit-reset-default'), '60');
  });
});
