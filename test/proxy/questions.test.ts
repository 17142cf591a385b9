import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ConfigError, parseConfig } from '../../src/proxy/config.js';
import { ProxyError } from '../../src/proxy/errors.js';
import { createProxy } from '../../src/proxy/handler.js';
import { QUESTION_TYPES, checkedAnswers, type Question } from '../../src/proxy/questions.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { NOW, countingSandbox, demo, get } from './fixtures.js';

type ErrorJson = { error: { code: string; message: string; details?: { field?: string } } };
type BookingJson = { booking: { uid: string; status: string } };

const CONSULTATION = '/slots?service=consultation&staff=anna&start=2025-10-20&end=2025-10-26&timeZone=Europe/Berlin';
const answers = { topic: 'A shorter cut', 'first-visit': 'no', consent: true };

function setup() {
  const upstream = countingSandbox();
  const proxy = createProxy({ config: demo(), upstream: upstream.fetch, now: () => NOW, log: () => {} });
  const book = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    get(proxy, '/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const starts = async (path = CONSULTATION) => ((await (await get(proxy, path)).json()) as { slots: string[] }).slots;
  const consultation = async (extra: Record<string, unknown>) => ({
    service: 'consultation',
    staff: 'anna',
    start: (await starts())[0],
    timeZone: 'Europe/Berlin',
    attendee: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+49 30 1234567' },
    location: 'video',
    answers,
    ...extra,
  });
  return { upstream, proxy, book, starts, consultation };
}

/** The 400 for a refused booking, and that Cal.com was not asked. */
async function refused(res: Response, field: string, calls: () => number, before: number): Promise<string> {
  assert.equal(res.status, 400);
  const body = (await res.json()) as ErrorJson;
  assert.equal(body.error.details?.field, field, body.error.message);
  assert.equal(calls(), before, 'no upstream call');
  return body.error.message;
}

function withService(patch: Record<string, unknown>) {
  const [first, ...rest] = demoConfig.services;
  return { ...demoConfig, services: [{ ...first!, ...patch }, ...rest] };
}

function configError(input: unknown): ConfigError {
  try {
    parseConfig(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error;
  }
  assert.fail('the config was accepted');
}

describe('issue 15: questions, guests and places in the proxy', () => {
  it('serves each service’s questions, guest limit and places with the catalog, and nothing of Cal.com', async () => {
    const { proxy } = setup();
    const { services } = (await (await get(proxy, '/catalog')).json()) as {
      services: { id: string; questions?: Question[]; guests?: number; locations?: string[] }[];
    };
    const consultation = services.find((s) => s.id === 'consultation')!;
    assert.deepEqual(
      consultation.questions?.map((q) => [q.slug, q.type, q.required]),
      [
        ['topic', 'textarea', true],
        ['hair-length', 'select', false],
        ['interests', 'checkbox', false],
        ['first-visit', 'radio', true],
        ['consent', 'checkbox', true],
      ],
    );
    assert.equal(consultation.guests, 2);
    assert.deepEqual(consultation.locations, ['in-person', 'phone', 'video']);
    const haircut = services.find((s) => s.id === 'haircut')!;
    assert.equal(haircut.questions, undefined);
    assert.equal(haircut.guests, undefined, 'no guests: the field is left out');
    assert.doesNotMatch(JSON.stringify(services), /eventType|integration|cal-video/);
  });

  it('checks questions in the config, naming the field', () => {
    const question = { slug: 'size', type: 'select', label: 'Size' };
    assert.match(configError(withService({ questions: [question] })).message, /questions\.0 needs options/);
    assert.equal(
      configError(withService({ questions: [{ slug: 'email', type: 'text', label: 'E' }] })).field,
      'services.0.questions.0.slug',
    );
    assert.equal(
      configError(withService({ questions: [{ slug: 'a', type: 'date', label: 'A' }] })).field,
      'services.0.questions.0.type',
    );
    const twice = { slug: 'a', type: 'text', label: 'A' };
    assert.equal(configError(withService({ questions: [twice, twice] })).field, 'services.0.questions.1.slug');
    assert.match(
      configError(withService({ questions: [{ ...twice, options: [{ value: 'x', label: 'X' }] }] })).message,
      /takes options only for select, radio and checkbox/,
    );
    assert.equal(configError(withService({ guests: 11 })).field, 'services.0.guests');
    assert.equal(
      configError(withService({ locations: [{ type: 'phone' }, { type: 'phone' }] })).field,
      'services.0.locations.1.type',
    );
    assert.equal(configError(withService({ locations: [{ type: 'moon' }] })).field, 'services.0.locations.0');
  });

  it('books with every answer, guests and the chosen place, sent to Cal.com as its booking fields', async () => {
    const { upstream, book, consultation } = setup();
    const res = await book(
      await consultation({
        answers: { ...answers, 'hair-length': 'long', interests: ['cut', 'care'] },
        guests: ['bob@example.com', 'ADA@example.com', 'bob@example.com'],
        location: 'phone',
        attendee: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+49 30 1234567', notes: 'Hi' },
      }),
      { origin: 'https://shop.example' },
    );
    assert.equal(res.status, 201, await res.clone().text());
    const made = upstream.sandbox.data.bookings.at(-1)!;
    assert.deepEqual(made.bookingFieldsResponses, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      topic: 'A shorter cut',
      'first-visit': 'no',
      consent: true,
      'hair-length': 'long',
      interests: ['cut', 'care'],
      notes: 'Hi',
    });
    assert.deepEqual(made.guests, ['bob@example.com'], 'each guest once, never the attendee');
    assert.equal(made.location, '+49301234567', 'the host calls the number given');
    assert.deepEqual(made.metadata, { source: 'booking-flow', origin: 'https://shop.example' });
  });

  it('sends in person as the address and video as Cal Video; the page origin only when it is one', async () => {
    const { upstream, book, consultation, starts } = setup();
    const [first, second] = await starts();
    assert.equal((await book(await consultation({ start: first, location: 'in-person' }))).status, 201);
    assert.equal(upstream.sandbox.data.bookings.at(-1)!.location, 'Torstraße 1, 10119 Berlin');
    const res = await book(await consultation({ start: second, location: 'video' }), { origin: 'null' });
    assert.equal(res.status, 201);
    const made = upstream.sandbox.data.bookings.at(-1)!;
    assert.match(made.location ?? '', /^https:\/\/app\.cal\.com\/video\//);
    assert.deepEqual(made.metadata, { source: 'booking-flow' });
  });

  it('refuses, before Cal.com, an answer missing, unknown or of the wrong kind, naming the question', async () => {
    const { upstream, book, consultation } = setup();
    const calls = () => upstream.calls;
    const body = await consultation({});
    const before = calls();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ answers: { ...answers, topic: '  ' } }, 'answers.topic', /is required/],
      [{ answers: { ...answers, consent: false } }, 'answers.consent', /is required/],
      [{ answers: { ...answers, nope: 'x' } }, 'answers.nope', /not a question/],
      [{ answers: { ...answers, 'first-visit': 'maybe' } }, 'answers.first-visit', /one of yes, no/],
      [{ answers: { ...answers, interests: 'cut' } }, 'answers.interests', /list of/],
      [{ answers: { ...answers, interests: ['cut', 'cut'] } }, 'answers.interests', /repeat/],
      [{ answers: { ...answers, topic: 'x'.repeat(2001) } }, 'answers.topic', /at most 2000/],
      [{ location: undefined }, 'location', /required: one of in-person, phone, video/],
      [{ location: 'moon' }, 'location', /one of/],
      [{ location: 'phone', attendee: { name: 'A', email: 'a@example.com' } }, 'attendee.phone', /by phone/],
      [{ guests: ['a@example.com', 'b@example.com', 'c@example.com'] }, 'guests', /at most 2/],
      [{ guests: ['not an email'] }, 'guests.0', /email/],
    ];
    for (const [patch, field, message] of cases)
      assert.match(await refused(await book({ ...body, ...patch }), field, calls, before), message);
    const haircut = { ...body, service: 'haircut', location: undefined, answers: undefined };
    await refused(await book({ ...haircut, guests: ['b@example.com'] }), 'guests', calls, before);
    await refused(await book({ ...haircut, location: 'video' }), 'location', calls, before);
  });

  it('every question type: a fitting answer goes through as it is, anything else is a 400 naming it', () => {
    const runs = Number(process.env.FC_RUNS ?? 1_000);
    const options = fc
      .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 })
      .map((values) => values.map((value) => ({ value, label: value.toUpperCase() })));
    const question = fc.record({
      slug: fc.constantFrom('q', 'size', 'why-now'),
      type: fc.constantFrom(...QUESTION_TYPES),
      label: fc.constant('Q'),
      required: fc.boolean(),
      options,
      multi: fc.boolean(),
    });
    const answer = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.array(fc.constantFrom('a', 'b', 'c', 'x')),
      fc.constant(null),
      fc.emailAddress(),
      fc.constantFrom('+49 30 1234567', 'a', 'b'),
    );
    fc.assert(
      fc.property(question, answer, (q, given) => {
        const withOptions = q.type === 'select' || q.type === 'radio' || (q.type === 'checkbox' && q.multi);
        const asked: Question = {
          slug: q.slug,
          type: q.type,
          label: q.label,
          required: q.required,
          ...(withOptions ? { options: q.options } : {}),
        };
        try {
          const out = checkedAnswers([asked], { [q.slug]: given });
          const value = out[q.slug];
          if (value === undefined) {
            assert.ok(!q.required, 'a required question is never let through unanswered');
            return;
          }
          const values: string[] = q.options.map((o) => o.value);
          if (q.type === 'number') assert.ok(typeof value === 'number' && Number.isFinite(value));
          else if (q.type === 'select' || q.type === 'radio') assert.ok(values.includes(value as string));
          else if (q.type === 'checkbox' && withOptions)
            assert.ok(Array.isArray(value) && value.every((v) => values.includes(v)));
          else if (q.type === 'checkbox') assert.equal(typeof value, 'boolean');
          else {
            assert.equal(typeof value, 'string');
            assert.equal(value, (given as string).trim());
            if (q.type === 'email') assert.match(value, /@/);
          }
        } catch (error) {
          assert.ok(error instanceof ProxyError, String(error));
          assert.equal(error.status, 400);
          assert.equal(error.details?.field, `answers.${q.slug}`);
        }
      }),
      { numRuns: runs },
    );
  });

  it('the sandbox’s book-elsewhere answers the required questions, as someone on Cal.com’s page would', async () => {
    const proxy = createProxy({ config: demo(), upstream: 'sandbox', now: () => NOW, log: () => {} });
    const start = ((await (await get(proxy, CONSULTATION)).json()) as { slots: string[] }).slots[0]!;
    const res = await get(proxy, '/sandbox/book-elsewhere', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'consultation', staff: 'anna', start }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    assert.deepEqual(proxy.sandbox!.data.bookings.at(-1)!.bookingFieldsResponses, {
      name: 'Someone elsewhere',
      email: 'elsewhere@example.com',
      topic: 'Booked elsewhere',
      'first-visit': 'yes',
      consent: true,
    });
    await proxy.close();
  });

  it('a service that needs the business to confirm books as pending', async () => {
    const { proxy, book } = setup();
    const path = '/slots?service=colour&staff=ben&start=2025-10-20&end=2025-10-26&timeZone=Europe/Berlin';
    const start = ((await (await get(proxy, path)).json()) as { slots: string[] }).slots[0];
    const res = await book({
      service: 'colour',
      staff: 'ben',
      start,
      timeZone: 'Europe/Berlin',
      attendee: { name: 'Ada Lovelace', email: 'ada@example.com' },
    });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as BookingJson).booking.status, 'pending');
    const again = ((await (await get(proxy, path)).json()) as { slots: string[] }).slots;
    assert.ok(!again.includes(start!), 'a pending booking takes the time too');
  });
});
