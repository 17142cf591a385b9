import { HttpResponse, delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Catalog, Service } from '../../src/api/schemas.js';
import type { ServiceForm } from '../../src/api/form-schemas.js';

export const catalog: Catalog = {
  branches: [
    { id: 'berlin', name: 'Berlin Mitte', timeZone: 'Europe/Berlin' },
    { id: 'online', name: 'Online' },
  ],
  services: [
    { id: 'haircut', name: 'Haircut', durationMinutes: 30, branchIds: ['berlin'] },
    { id: 'coaching', name: 'Video coaching', durationMinutes: 60, branchIds: ['online'] },
  ],
  staff: [
    { id: 'anna', name: 'Anna Berg', serviceIds: ['haircut'], branchIds: ['berlin'] },
    { id: 'chloe', name: 'Chloé Martin', serviceIds: ['coaching'], branchIds: ['online'] },
  ],
};

/** Issue 15: services with questions, guests and places, two lengths, and one the business confirms. */
export const formCatalog: Catalog & { services: (Service & ServiceForm)[] } = {
  ...catalog,
  branches: [{ id: 'berlin', name: 'Berlin Mitte', timeZone: 'Europe/Berlin', address: 'Torstraße 1, 10119 Berlin' }],
  services: [
    {
      id: 'consultation',
      name: 'Consultation',
      durationMinutes: 30,
      guests: 2,
      locations: ['in-person', 'phone', 'video'],
      questions: [
        { slug: 'topic', type: 'textarea', label: 'What would you like done?', required: true },
        {
          slug: 'length',
          type: 'select',
          label: 'Hair length',
          options: [
            { value: 'short', label: 'Short' },
            { value: 'long', label: 'Long' },
          ],
        },
        {
          slug: 'interests',
          type: 'checkbox',
          label: 'Interested in',
          hint: 'Tick all that apply.',
          required: true,
          options: [
            { value: 'cut', label: 'Cut' },
            { value: 'care', label: 'Care' },
          ],
        },
        {
          slug: 'first',
          type: 'radio',
          label: 'First visit?',
          required: true,
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ],
        },
        { slug: 'age', type: 'number', label: 'Age', min: 16, max: 120 },
        { slug: 'consent', type: 'checkbox', label: 'I agree to the terms', required: true },
      ],
    },
    { id: 'coaching', name: 'Video coaching', durationMinutes: 60, durations: [30, 60] },
    { id: 'colour', name: 'Colour', durationMinutes: 30 },
  ],
  staff: [],
};

/** Anna's haircut on Thursday 23 October at 09:00 in Berlin, booked earlier (for `manage.bookings`). */
export const BOOKED = {
  uid: 'bk_old',
  start: '2025-10-23T07:00:00.000Z',
  end: '2025-10-23T07:30:00.000Z',
  status: 'accepted',
  service: 'haircut',
  staff: 'anna',
  anyStaff: false,
};

/** Monday 20 Oct 2025 has slots on Tuesday and Wednesday; the week after is empty. */
export const NOW = Date.parse('2025-10-22T06:00:00Z');
export const SLOTS: Record<string, string[]> = {
  '2025-10-20': [
    '2025-10-21T07:00:00.000Z',
    '2025-10-21T07:30:00.000Z',
    '2025-10-21T12:00:00.000Z',
    '2025-10-22T08:00:00.000Z',
  ],
  '2025-10-27': [],
};

export interface ProxyMock {
  requests: URL[];
  /** The paths of /catalog and /slots requests, in the order they reached the mock. */
  arrivals: string[];
  /** How many /slots requests have been answered with times (their answers are on their way to the client). */
  answered: number;
  /** Makes /slots answer with this status and error code until cleared. */
  failWith?: { status: number; code: string; message: string };
  /** While set, /slots waits for it before answering. */
  gate?: Promise<void>;
  /** While set, /catalog waits for it before answering. */
  catalogGate?: Promise<void>;
  /** More slots on top of SLOTS, e.g. in a later week. */
  extraSlots: string[];
  /** Every POST /bookings body. */
  bookings: Record<string, unknown>[];
  /** Makes POST /bookings fail with this status and error code (and details) until cleared. */
  bookingFailsWith?: { status: number; code: string; message: string; details?: { field: string } };
  /** What GET /catalog answers (default `catalog`). */
  catalog: Catalog;
  /** The Idempotency-Key of every POST /bookings. */
  bookingKeys: (string | null)[];
  /** How many more POST /bookings answer 202 "unconfirmed" before one books. */
  unconfirmedAnswers: number;
  /** Makes /slots answer as the proxy does from an expired entry while Cal.com fails. */
  stale: boolean;
  /** Times no longer offered (booked by someone else). */
  hidden: Set<string>;
  /** The /events streams: what they were opened with, and how to send on every open one. */
  live: LiveMock;
  /** Holds and bookings by uid: POST/PATCH /holds, their releases, GET/reschedule/cancel of bookings. */
  manage: ManageMock;
}

export interface ManageMock {
  /** Every hold asked for, with the uid answered (PATCH: a renewal of that uid), in order. */
  holds: { method: string; uid: string; body: Record<string, unknown> }[];
  /** Uids let go (DELETE or POST …/release). */
  released: string[];
  /** Makes POST /holds fail with this status and code until cleared. */
  holdFailsWith?: { status: number; code: string; message: string };
  /** How long a hold lasts, in ms (default 5 minutes). */
  holdMs: number;
  /** Bookings GET /bookings/:uid knows. */
  bookings: Map<string, Record<string, unknown>>;
  /** Every reschedule and cancel body, with its uid. */
  changes: { action: 'reschedule' | 'cancel'; uid: string; body: Record<string, unknown> }[];
  /** Makes reschedules fail with this status and code until cleared. */
  rescheduleFailsWith?: { status: number; code: string; message: string };
}

/** Hold uids stay unique across the tests of a page: a release sent as one test ends must not count in the next. */
let holdCount = 0;

function manageHandlers(manage: ManageMock) {
  const fail = (f: { status: number; code: string; message: string }) =>
    HttpResponse.json({ error: { code: f.code, message: f.message } }, { status: f.status });
  const hold = async (request: Request, uid?: string) => {
    const body = (await request.json()) as Record<string, unknown>;
    const answered = uid ?? `h_${++holdCount}`;
    manage.holds.push({ method: request.method, uid: answered, body });
    if (manage.holdFailsWith) return fail(manage.holdFailsWith);
    const start = new Date(body.start as string);
    const end = new Date(start.getTime() + Number(body.duration ?? 30) * 60_000);
    return HttpResponse.json(
      {
        hold: {
          uid: answered,
          start: start.toISOString(),
          end: end.toISOString(),
          until: new Date(Date.now() + manage.holdMs).toISOString(),
        },
      },
      { status: uid ? 200 : 201 },
    );
  };
  const release = ({ params }: { params: Record<string, unknown> }) => {
    manage.released.push(String(params.uid));
    return HttpResponse.json({ released: true });
  };
  const notFound = () =>
    fail({ status: 404, code: 'booking_not_found', message: 'No booking was found for this link.' });
  return [
    http.post('/api/holds', ({ request }) => hold(request)),
    http.patch('/api/holds/:uid', ({ request, params }) => hold(request, String(params.uid))),
    http.delete('/api/holds/:uid', release),
    http.post('/api/holds/:uid/release', release),
    http.get('/api/bookings/:uid', ({ params }) => {
      const booking = manage.bookings.get(String(params.uid));
      return booking ? HttpResponse.json({ booking }) : notFound();
    }),
    http.post('/api/bookings/:uid/reschedule', async ({ request, params }) => {
      const uid = String(params.uid);
      const body = (await request.json()) as Record<string, unknown>;
      manage.changes.push({ action: 'reschedule', uid, body });
      const old = manage.bookings.get(uid);
      if (!old) return notFound();
      if (manage.rescheduleFailsWith) return fail(manage.rescheduleFailsWith);
      const start = new Date(body.start as string);
      const length = Date.parse(old.end as string) - Date.parse(old.start as string);
      const booking = {
        ...old,
        uid: `${uid}_moved`,
        start: start.toISOString(),
        end: new Date(+start + length).toISOString(),
      };
      manage.bookings.set(uid, { ...old, status: 'cancelled', rescheduledTo: booking.uid });
      manage.bookings.set(booking.uid, booking);
      const { uid: newUid, start: s, end, status, service, staff } = booking as Record<string, unknown>;
      return HttpResponse.json(
        { booking: { uid: newUid, start: s, end, status, service, staff }, previousUid: uid },
        { status: 201 },
      );
    }),
    http.post('/api/bookings/:uid/cancel', async ({ request, params }) => {
      const uid = String(params.uid);
      manage.changes.push({ action: 'cancel', uid, body: (await request.json()) as Record<string, unknown> });
      const old = manage.bookings.get(uid);
      if (!old) return notFound();
      manage.bookings.set(uid, { ...old, status: 'cancelled' });
      const { start, end, service, staff } = old;
      return HttpResponse.json({ booking: { uid, start, end, status: 'cancelled', service, staff } });
    }),
  ];
}

export interface LiveMock {
  /** Every GET /events, in order. */
  opened: URL[];
  /** Streams the page has open now. */
  readonly open: number;
  /** Sends an event on every open stream. */
  send(event: string, data: unknown, id: string): void;
  /** Makes /events answer this status (a proxy that refuses or has no streams) until cleared. */
  refuseWith?: number;
}

const encoder = new TextEncoder();

/**
 * The page's EventSources, counted from the page: WebKit's service worker never hears that a stream was closed (no
 * abort, no cancel reaches the mock), so what is open is what the page has open.
 */
const sources = new Set<EventSource>();
window.EventSource = class extends EventSource {
  constructor(...args: ConstructorParameters<typeof EventSource>) {
    super(...args);
    sources.add(this);
  }
};

function liveMock(): { live: LiveMock; handler: ReturnType<typeof http.get> } {
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const live: LiveMock = {
    opened: [],
    get open() {
      for (const source of sources) if (source.readyState === EventSource.CLOSED) sources.delete(source);
      return [...sources].filter((source) => source.readyState === EventSource.OPEN).length;
    },
    send(event, data, id) {
      const chunk = encoder.encode(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
      for (const stream of streams) stream.enqueue(chunk);
    },
  };
  const handler = http.get('/api/events', ({ request }) => {
    live.opened.push(new URL(request.url));
    if (live.refuseWith)
      return HttpResponse.json({ error: { code: 'refused', message: 'No.' } }, { status: live.refuseWith });
    let mine: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        mine = controller;
        streams.add(controller);
        controller.enqueue(encoder.encode(`retry: 100\nevent: ready\nid: ${live.opened.length}\ndata: {}\n\n`));
      },
      cancel() {
        streams.delete(mine);
      },
    });
    request.signal.addEventListener('abort', () => streams.delete(mine));
    return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } });
  });
  return { live, handler };
}

/**
 * What the page's navigator says of the connection (navigator.connection). The mock proxy starts every test as
 * a visitor who saves data, so that no week is fetched early and the tests count only the weeks views ask for;
 * the prefetch tests say otherwise.
 */
export function setConnection(line: { saveData?: boolean; effectiveType?: string }): void {
  Object.defineProperty(navigator, 'connection', { configurable: true, value: line });
}

/** An msw worker standing in for the proxy under /api, recording every /slots request. */
export function mockProxy(): ProxyMock {
  const { live, handler: events } = liveMock();
  const manage: ManageMock = { holds: [], released: [], holdMs: 5 * 60_000, bookings: new Map(), changes: [] };
  const state: ProxyMock = {
    live,
    manage,
    hidden: new Set(),
    requests: [],
    arrivals: [],
    answered: 0,
    bookings: [],
    extraSlots: [],
    bookingKeys: [],
    unconfirmedAnswers: 0,
    stale: false,
    catalog,
  };
  const worker = setupWorker(
    events,
    ...manageHandlers(manage),
    http.get('/api/catalog', async () => {
      state.arrivals.push('/api/catalog');
      if (state.catalogGate) await state.catalogGate;
      return HttpResponse.json(state.catalog);
    }),
    http.get('/api/slots', async ({ request }) => {
      const url = new URL(request.url);
      state.requests.push(url);
      state.arrivals.push(url.pathname);
      if (state.gate) await state.gate;
      await delay(5);
      if (state.failWith) {
        const { status, code, message } = state.failWith;
        return HttpResponse.json({ error: { code, message } }, { status });
      }
      const service = url.searchParams.get('service')!;
      const duration = Number(url.searchParams.get('duration') ?? 30);
      state.answered++;
      return HttpResponse.json({
        service,
        staff: url.searchParams.get('staff'),
        timeZone: url.searchParams.get('timeZone'),
        durationMinutes: duration,
        // Every known slot on the asked UTC dates (the client asks for a week padded by a day).
        slots: [...Object.values(SLOTS).flat(), ...state.extraSlots].filter(
          (s) =>
            s.slice(0, 10) >= url.searchParams.get('start')! &&
            s.slice(0, 10) <= url.searchParams.get('end')! &&
            !state.hidden.has(s),
        ),
        ...(state.stale ? { stale: true } : {}),
      });
    }),
    http.post('/api/bookings', async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      state.bookings.push(body);
      state.bookingKeys.push(request.headers.get('idempotency-key'));
      await delay(5);
      if (state.unconfirmedAnswers > 0) {
        state.unconfirmedAnswers--;
        return HttpResponse.json(
          { unconfirmed: { message: 'Not confirmed yet.', retryAfterSeconds: 1 } },
          { status: 202 },
        );
      }
      if (state.bookingFailsWith) {
        const { status, code, message, details } = state.bookingFailsWith;
        return HttpResponse.json({ error: { code, message, details } }, { status });
      }
      const start = new Date(body.start as string);
      const end = new Date(start.getTime() + Number(body.duration ?? 30) * 60_000);
      const booking = {
        uid: `bk_${state.bookings.length}`,
        start: start.toISOString(),
        end: end.toISOString(),
        status: body.service === 'colour' ? 'pending' : 'accepted',
        service: body.service,
        staff: body.staff ?? 'anna',
      };
      // Known to GET /bookings/:uid afterwards, for "Change" and "Cancel" on the confirmation.
      manage.bookings.set(booking.uid, { ...booking, anyStaff: !body.staff });
      return HttpResponse.json({ booking }, { status: 201 });
    }),
  );
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  beforeEach(() => setConnection({ saveData: true }));
  afterEach(() => {
    state.requests.length = 0;
    state.arrivals.length = 0;
    state.answered = 0;
    state.failWith = undefined;
    state.gate = state.catalogGate = undefined;
    state.bookings.length = 0;
    state.extraSlots = [];
    state.bookingFailsWith = undefined;
    state.bookingKeys.length = 0;
    state.unconfirmedAnswers = 0;
    state.stale = false;
    state.catalog = catalog;
    state.live.opened.length = 0;
    state.live.refuseWith = undefined;
    Object.assign(manage, { holds: [], released: [], holdMs: 5 * 60_000, changes: [] });
    manage.bookings.clear();
    manage.holdFailsWith = manage.rescheduleFailsWith = undefined;
  });
  after(() => worker.stop());
  return state;
}

/**
 * Whether the msw worker can stand in for the live stream in this browser: WebKitGTK hands a service worker's
 * streamed response to the page only once it ends, so an event stream never opens there.
 */
export async function workerStreams(live: LiveMock): Promise<boolean> {
  const stop = new AbortController();
  const timeout = setTimeout(() => stop.abort(), 1500);
  const opened = await fetch('/api/events', { signal: stop.signal }).then(
    () => true,
    () => false,
  );
  clearTimeout(timeout);
  stop.abort();
  live.opened.length = 0;
  return opened;
}

/** A promise the test resolves by hand. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
