import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { canonicalTimeZone, parseInstant } from '../../src/model/parse.js';
import { localDaysToUtcRange } from '../../src/model/zoned-range.js';
import { createProxy } from '../../src/proxy/handler.js';
import { NOW, WEEK, countingSandbox, demo, get } from './fixtures.js';

type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };

function setup(now = NOW) {
  const upstream = countingSandbox();
  const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => now, log: () => {} });
  const book = (start: string, timeZone = 'Europe/Berlin') =>
    get(proxy, '/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        service: 'haircut',
        start,
        timeZone,
        attendee: { name: 'Ada', email: 'ada@example.com' },
      }),
    });
  return { upstream, proxy, book };
}

async function refused(res: Response, field: string): Promise<void> {
  assert.equal(res.status, 400, `400 for ${field}`);
  const { error } = (await res.json()) as ErrorJson;
  assert.equal(error.code, 'invalid_request');
  assert.equal(error.details?.field, field);
}

describe('issue 11: dates and zones', () => {
  it('#1 refuses impossible dates instead of booking another day', async () => {
    const { upstream, book } = setup();
    for (const start of [
      '2027-02-30T10:00:00Z',
      '2027-02-31T10:00:00Z',
      '2027-02-29T10:00:00Z',
      '2025-10-21T24:00:00Z',
      '2025-13-01T10:00:00Z',
    ]) {
      await refused(await book(start), 'start');
    }
    assert.equal(upstream.calls, 0);
  });

  it('#1 refuses starts in the past and beyond the horizon, before anything goes upstream', async () => {
    const { upstream, book } = setup();
    for (const start of [
      '1970-01-01T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2025-10-20T05:59:00Z',
      '2027-11-01T09:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      await refused(await book(start), 'start');
    }
    assert.equal(upstream.calls, 0);
  });

  it('#2 reads offsets without minutes correctly, and never answers 5xx for far dates', async () => {
    const { upstream, proxy, book } = setup();
    assert.equal(parseInstant('2027-01-20T09:00:00+01'), Date.parse('2027-01-20T08:00:00Z'));
    assert.equal(parseInstant('2027-01-20T09:00-0530'), Date.parse('2027-01-20T14:30:00Z'));
    assert.equal(parseInstant('2027-01-20T09:00:00+19:00'), undefined);
    // A free slot written with a "+01" offset books the very same instant.
    const { slots } = (await (await get(proxy, `${WEEK}&staff=anna`)).json()) as { slots: string[] };
    const instant = Date.parse(slots[0]!);
    const local = new Date(instant + 3_600_000).toISOString().slice(0, 19);
    const res = await book(`${local}+01`);
    assert.equal(res.status, 201);
    assert.equal(Date.parse(((await res.json()) as { booking: { start: string } }).booking.start), instant);
    const calls = upstream.calls;
    const far = await get(proxy, '/slots?service=haircut&start=9999-12-31&end=9999-12-31&timeZone=UTC');
    await refused(far, 'end');
    assert.equal(upstream.calls, calls);
  });

  it('#6 sends one canonical zone upstream and caches it once, whatever the spelling', async () => {
    const { upstream, proxy } = setup();
    const spellings = ['Europe/Berlin', 'europe/berlin', 'EUROPE/BERLIN', 'Europe/BERLIN', 'eUrOpE/bErLiN'];
    for (const zone of spellings) {
      const res = await get(proxy, `/slots?service=haircut&start=2025-10-20&end=2025-10-26&timeZone=${zone}`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { timeZone: string }).timeZone, 'Europe/Berlin');
    }
    assert.equal(upstream.calls, 1);
    const sent = new URL(upstream.sandbox.requests[0]!.url);
    assert.equal(sent.searchParams.get('timeZone'), 'Europe/Berlin');
    assert.equal(canonicalTimeZone('US/Pacific'), 'America/Los_Angeles');
    assert.equal(canonicalTimeZone('+01:00'), undefined);
    assert.equal(canonicalTimeZone('Nowhere/City'), undefined);
  });

  it('#6 answers an empty day for a day the zone skipped, never an inverted range upstream', async () => {
    assert.equal(localDaysToUtcRange('2011-12-30', '2011-12-30', 'Pacific/Apia'), undefined);
    const { upstream, proxy } = setup(Date.parse('2011-12-20T00:00:00Z'));
    const res = await get(proxy, '/slots?service=haircut&start=2011-12-30&end=2011-12-30&timeZone=Pacific/Apia');
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as { slots: string[] }).slots, []);
    assert.equal(upstream.calls, 0);
    const around = await get(proxy, '/slots?service=haircut&start=2011-12-29&end=2011-12-31&timeZone=Pacific/Apia');
    assert.equal(around.status, 200);
    const sent = new URL(upstream.sandbox.requests[0]!.url);
    assert.ok(Date.parse(sent.searchParams.get('end')!) > Date.parse(sent.searchParams.get('start')!));
  });

  it('counts calendar days with date-fns the same in every process zone, across DST changes', () => {
    const script = `
      import { addDays, daysBetween, startOfWeek, weekDates } from './src/model/dates.ts';
      console.log(JSON.stringify([addDays('2025-03-08', 1), addDays('2025-11-01', 2), daysBetween('2025-03-01', '2025-04-01'),
        startOfWeek('2025-03-12', 1), weekDates('2025-10-27').at(-1), addDays('0099-12-31', 1)]));`;
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'UTC']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, TZ: zone },
      });
      assert.deepEqual(
        JSON.parse(out.toString()),
        ['2025-03-09', '2025-11-03', 31, '2025-03-10', '2025-11-02', '0100-01-01'],
        zone,
      );
    }
  });

  it('#12 says "is required" for a missing field, and "is not a known field" only for an unknown one', async () => {
    const { proxy } = setup();
    const post = (body: unknown) =>
      get(proxy, '/bookings', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const missing = (await (await post({})).json()) as ErrorJson;
    assert.equal(missing.error.message, 'service: is required');
    const unknown = (await (
      await post({
        service: 'haircut',
        start: '2025-10-21T09:00:00Z',
        timeZone: 'UTC',
        attendee: { name: 'A', email: 'a@example.com' },
        colour: 'red',
      })
    ).json()) as ErrorJson;
    assert.equal(unknown.error.message, 'colour: is not a known field');
  });
});
