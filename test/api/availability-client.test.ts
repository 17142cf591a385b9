import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { AvailabilityClient } from '../../src/api/availability-client.js';
import { book } from '../../src/api/booking-calls.js';
import { BookingApiError } from '../../src/api/errors.js';
import { en } from '../../src/public/strings.js';

interface Call {
  url: URL;
  signal: AbortSignal;
  resolve: (response: Response) => void;
  reject: (error: unknown) => void;
}

/** A fetch whose answers the test gives by hand, recording every call. */
function manualFetch() {
  const calls: Call[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init!.signal!;
      calls.push({
        url: new URL(input instanceof Request ? input.url : input.toString(), location.href),
        signal,
        resolve,
        reject,
      });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { calls, fetch: fetch };
}

const body = (slots: string[] = ['2025-10-21T07:00:00.000Z']) =>
  Response.json({ service: 'haircut', staff: null, timeZone: 'Europe/Berlin', durationMinutes: 30, slots });

const query = { serviceId: 'haircut', weekStart: '2025-10-20', timeZone: 'Europe/Berlin' };

describe('api/AvailabilityClient', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: Date.parse('2025-10-20T08:00:00Z'),
      toFake: ['Date', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => clock.restore());

  it("asks the proxy for the week's dates padded by a day, in UTC, so that they cover every zone", async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/booking-api/', fetch });
    const done = client.getAvailabilityForWeek({ ...query, staffId: 'anna', durationMinutes: 30 });
    calls[0]!.resolve(body());
    const week = await done;
    expect(calls[0]!.url.pathname).to.equal('/booking-api/slots');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).to.deep.equal({
      service: 'haircut',
      start: '2025-10-19',
      end: '2025-10-27',
      timeZone: 'UTC',
      staff: 'anna',
      duration: '30',
    });
    expect(week.weekData.tuesday.map((s) => s.time)).to.deep.equal(['09:00']);
    expect(week.weekMetadata.fromCache).to.equal(false);
  });

  it('reuses an answer for 60 s, then fetches it anew', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const first = client.getAvailabilityForWeek(query);
    calls[0]!.resolve(body());
    await first;

    clock.tick(59_000);
    const second = await client.getAvailabilityForWeek(query);
    expect(calls).to.have.length(1);
    expect(second.weekMetadata.fromCache).to.equal(true);

    clock.tick(1_001);
    const third = client.getAvailabilityForWeek(query);
    expect(calls).to.have.length(2);
    calls[1]!.resolve(body([]));
    expect((await third).weekMetadata).to.include({ fromCache: false, totalSlots: 0 });
  });

  it('keys the cache on service, week, staff and duration', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const variants = [
      query,
      { ...query, weekStart: '2025-10-27' },
      { ...query, staffId: 'ben' },
      { ...query, durationMinutes: 60 },
    ];
    for (const variant of variants) {
      const pending = client.getAvailabilityForWeek(variant);
      calls.at(-1)!.resolve(body());
      await pending;
    }
    expect(calls).to.have.length(4);
  });

  it('re-renders a week in another time zone from the same answer, without a refetch', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const berlin = client.getAvailabilityForWeek(query);
    // Monday 00:30 in Berlin is Sunday evening in New York; Sunday 23:30 in Berlin is still Sunday in New York.
    calls[0]!.resolve(body(['2025-10-19T22:30:00.000Z', '2025-10-21T07:00:00.000Z', '2025-10-26T22:30:00.000Z']));
    expect((await berlin).weekData.monday.map((s) => s.time)).to.deep.equal(['00:30']);
    const newYork = await client.getAvailabilityForWeek({ ...query, timeZone: 'America/New_York' });
    expect(calls).to.have.length(1);
    expect(newYork.weekMetadata.fromCache).to.equal(true);
    expect(newYork.weekMetadata.timeZone).to.equal('America/New_York');
    expect(newYork.weekData.monday).to.deep.equal([]);
    expect(newYork.weekData.tuesday.map((s) => s.fullDatetime)).to.deep.equal(['2025-10-21T03:00:00-04:00']);
    expect(newYork.weekData.sunday.map((s) => s.time)).to.deep.equal(['18:30']);
  });

  it('shares one fetch between identical concurrent requests', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const a = client.getAvailabilityForWeek(query);
    const b = client.getAvailabilityForWeek({ ...query, locale: 'de' });
    expect(calls).to.have.length(1);
    calls[0]!.resolve(body());
    const [weekA, weekB] = await Promise.all([a, b]);
    expect(weekA.weekData.tuesday).to.deep.equal(weekB.weekData.tuesday);
  });

  it('aborts a superseded request and never delivers its late answer', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const controller = new AbortController();
    const superseded = client.getAvailabilityForWeek({ ...query, signal: controller.signal });
    controller.abort();
    const error = await superseded.catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(calls[0]!.signal.aborted).to.equal(true);
    // The next identical request starts a fresh fetch rather than joining the aborted one.
    const next = client.getAvailabilityForWeek(query);
    expect(calls).to.have.length(2);
    calls[1]!.resolve(body());
    expect((await next).weekMetadata.totalSlots).to.equal(1);
  });

  it('keeps a shared fetch alive while another caller still waits', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const controller = new AbortController();
    const leaving = client.getAvailabilityForWeek({ ...query, signal: controller.signal });
    const staying = client.getAvailabilityForWeek(query);
    controller.abort();
    await leaving.catch(() => undefined);
    expect(calls[0]!.signal.aborted).to.equal(false);
    calls[0]!.resolve(body());
    expect((await staying).weekMetadata.totalSlots).to.equal(1);
  });

  it('rejects with typed errors and never caches a failure', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch, timeoutMs: 5_000 });

    const http = client.getAvailabilityForWeek(query);
    calls[0]!.resolve(
      Response.json(
        { error: { code: 'upstream_error', message: 'The booking service answered 500.' } },
        { status: 502 },
      ),
    );
    const httpError = (await http.catch((e: unknown) => e)) as BookingApiError;
    expect(httpError).to.be.instanceOf(BookingApiError);
    expect(httpError).to.include({
      kind: 'http',
      code: 'upstream_error',
      status: 502,
      message: 'The booking service answered 500.',
    });

    const network = client.getAvailabilityForWeek(query);
    expect(calls).to.have.length(2);
    calls[1]!.reject(new TypeError('Failed to fetch'));
    expect(await network.catch((e: unknown) => e)).to.include({ kind: 'network' });

    const payload = client.getAvailabilityForWeek(query);
    calls[2]!.resolve(Response.json({ slots: 'nope' }));
    expect(await payload.catch((e: unknown) => e)).to.include({
      kind: 'bad_payload',
      message: 'Unexpected answer at $.service.',
    });
  });

  it('gives up with a timeout error when the proxy does not answer in time', async () => {
    clock.restore(); // AbortSignal.timeout runs on the browser's own clock
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch, timeoutMs: 30 });
    const error = (await client.getAvailabilityForWeek(query).catch((e: unknown) => e)) as BookingApiError;
    expect(error).to.include({ kind: 'timeout', message: en.errors.timeout });
    expect(calls[0]!.signal.aborted).to.equal(true);
    // A caller that gives up is told so (AbortError), never "timeout".
    const controller = new AbortController();
    const leaving = client.getAvailabilityForWeek({ ...query, signal: controller.signal });
    controller.abort();
    expect(((await leaving.catch((e: unknown) => e)) as DOMException).name).to.equal('AbortError');
  });

  it('invalidates the weeks of one service, or all of them', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const load = async (serviceId: string) => {
      const pending = client.getAvailabilityForWeek({ ...query, serviceId });
      if (calls.length && !calls.at(-1)!.signal.aborted) calls.at(-1)!.resolve(body());
      return pending;
    };
    await load('haircut');
    await load('colour');
    expect(calls).to.have.length(2);
    client.invalidate({ serviceId: 'haircut' });
    expect((await client.getAvailabilityForWeek({ ...query, serviceId: 'colour' })).weekMetadata.fromCache).to.equal(
      true,
    );
    await load('haircut');
    expect(calls).to.have.length(3);
    client.invalidate();
    await load('colour');
    expect(calls).to.have.length(4);
  });

  it('loads the catalog once and validates it', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const a = client.getCatalog();
    const b = client.getCatalog();
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.pathname).to.equal('/api/catalog');
    calls[0]!.resolve(
      Response.json({ branches: [], services: [{ id: 'x', name: 'X', durationMinutes: 30 }], staff: [] }),
    );
    expect((await a).services[0]!.id).to.equal('x');
    expect(await b).to.deep.equal(await a);
  });

  describe('book() from api/booking-calls, with this client', () => {
    const request = {
      service: 'haircut',
      start: '2025-10-21T09:00:00+02:00',
      timeZone: 'Europe/Berlin',
      attendee: { name: 'Ada', email: 'ada@example.com' },
    };
    const booking = {
      uid: 'bk_1',
      start: '2025-10-21T07:00:00.000Z',
      end: '2025-10-21T07:30:00.000Z',
      status: 'accepted',
      service: 'haircut',
      staff: null,
    };
    const unconfirmed = () =>
      Response.json({ unconfirmed: { message: 'Not confirmed yet.', retryAfterSeconds: 1 } }, { status: 202 });
    // Real timers: reading a response body takes the browser a real turn, which fake time would not wait for.
    beforeEach(() => clock.restore());

    /** A fetch answering POST /bookings from a list, recording each Idempotency-Key. */
    function bookingFetch(answers: (() => Response)[]) {
      const keys: (string | null)[] = [];
      const fetch = (_input: RequestInfo | URL, init?: RequestInit) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'));
        return Promise.resolve(answers.shift()!());
      };
      return { keys, fetch };
    }

    it('sends an Idempotency-Key and, while unconfirmed, asks again with the same key after the wait the proxy names', async () => {
      const { keys, fetch } = bookingFetch([
        unconfirmed,
        unconfirmed,
        () => Response.json({ booking }, { status: 201 }),
      ]);
      const client = new AvailabilityClient({ baseUrl: '/api', fetch });
      const checking: string[] = [];
      const started = performance.now();
      const done = book(client, request, {
        idempotencyKey: 'key-1234-abcd',
        onUnconfirmed: (message) => checking.push(message),
      });
      expect(await done).to.deep.equal(booking);
      expect(performance.now() - started).to.be.greaterThan(1_900, 'waited the named second twice');
      expect(keys).to.deep.equal(['key-1234-abcd', 'key-1234-abcd', 'key-1234-abcd']);
      expect(checking).to.deep.equal(['Not confirmed yet.', 'Not confirmed yet.']);
    });

    it("drops the booked service's cached weeks by itself, so every view of them reloads", async () => {
      const weeks = manualFetch();
      const answers = [() => Response.json({ booking }, { status: 201 })];
      const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
        (input instanceof Request ? input.url : input.toString()).includes('/bookings')
          ? Promise.resolve(answers.shift()!())
          : weeks.fetch(input, init);
      const client = new AvailabilityClient({ baseUrl: '/api', fetch });
      const dropped: (string | undefined)[] = [];
      client.addEventListener('invalidate', (e) =>
        dropped.push((e as CustomEvent<{ serviceId?: string }>).detail.serviceId),
      );
      const first = client.getAvailabilityForWeek(query);
      weeks.calls[0]!.resolve(body());
      await first;
      await book(client, request);
      expect(dropped).to.deep.equal(['haircut']);
      void client.getAvailabilityForWeek(query);
      expect(weeks.calls).to.have.length(2, 'the week is fetched again');
      weeks.calls[1]!.resolve(body());
    });

    it('gives up after confirmAttempts with booking_unconfirmed, and makes a fresh key per call by default', async () => {
      const { keys, fetch } = bookingFetch([
        unconfirmed,
        unconfirmed,
        () => Response.json({ booking }, { status: 201 }),
      ]);
      const client = new AvailabilityClient({ baseUrl: '/api', fetch });
      const error = (await book(client, request, { confirmAttempts: 2 }).catch((e: unknown) => e)) as BookingApiError;
      expect(error).to.be.instanceOf(BookingApiError);
      expect(error).to.include({ code: 'booking_unconfirmed', status: 202, message: 'Not confirmed yet.' });
      expect(keys).to.have.length(2);
      expect(keys[0]).to.match(/^k(-\d{1,10}){4}$/);
      expect(await book(client, request)).to.deep.equal(booking);
      expect(keys[2]).to.not.equal(keys[0]);
    });
  });

  it('shows a stale answer but does not keep it: the next look asks again', async () => {
    const { calls, fetch } = manualFetch();
    const client = new AvailabilityClient({ baseUrl: '/api', fetch });
    const first = client.getAvailabilityForWeek(query);
    calls[0]!.resolve(
      Response.json({ service: 'haircut', staff: null, timeZone: 'UTC', durationMinutes: 30, slots: [], stale: true }),
    );
    expect((await first).weekMetadata.stale).to.equal(true);
    const second = client.getAvailabilityForWeek(query);
    expect(calls).to.have.length(2);
    calls[1]!.resolve(body());
    expect((await second).weekMetadata.stale).to.equal(false);
  });
});
