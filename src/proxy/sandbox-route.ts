import { Hono } from 'hono';
import * as v from 'valibot';
import type { Sandbox } from '../sandbox/sandbox.js';
import { bodyLimited } from './body-limit.js';
import { checkedChoice, eventTypeFor } from './catalog.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { ProxyError } from './errors.js';
import { ChosenTimeEntries } from './fields.js';
import { SECURITY_HEADERS } from './headers.js';
import { jsonBody } from './json-body.js';
import type { Question } from './questions.js';
import type { ProxyServices } from './services.js';

const ElsewhereSchema = v.strictObject(ChosenTimeEntries);

/**
 * POST /sandbox/book-elsewhere `{ service, staff?, start }`, on the sandbox only: books the time straight on the
 * simulated Cal.com, as someone using Cal.com's own booking page would (for every staff member who offers the
 * service when none is named). The proxy learns of it the way it learns of such bookings on Cal.com, from the
 * webhook, so open calendars lose the time as they would in production.
 */
export function sandboxRoute(services: ProxyServices, sandbox: Sandbox): Hono<ProxyEnv> {
  const { config } = services;
  return new Hono<ProxyEnv>().post(
    '/sandbox/book-elsewhere',
    rateLimited(services, services.limits.requests, services.limits.bookings),
    bodyLimited(1024, 'A sandbox booking'),
    async (c) => {
      const input = await jsonBody(c, ElsewhereSchema);
      const { service, staff } = checkedChoice(config, input.service, input.staff, undefined);
      const start = new Date(input.start).toISOString();
      // Without a staff member, everyone who offers the service is booked, so that the time leaves "any available".
      const people = staff ? [staff] : config.staff.filter((s) => s.serviceIds.includes(service.id));
      let booked = 0;
      for (const person of people.length ? people : [undefined]) {
        const answer = await sandbox.fetch(
          new Request('https://sandbox.cal.invalid/v2/bookings', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
            body: JSON.stringify({
              ...eventTypeFor(service, person),
              start,
              attendee: { name: 'Someone elsewhere', email: 'elsewhere@example.com', timeZone: 'UTC', language: 'en' },
              bookingFieldsResponses: answersOfSomeone(service.questions),
            }),
          }),
        );
        if (answer.status === 201) booked++;
      }
      if (!booked)
        throw new ProxyError({
          status: 409,
          code: 'slot_unavailable',
          message: 'The sandbox could not book that time (taken, held, or not offered).',
          details: { field: 'start' },
        });
      return c.json({ booked: { service: service.id, staff: staff?.id ?? null, start } }, 201, SECURITY_HEADERS);
    },
  );
}

/** What someone on Cal.com's own page would answer to the required questions: the first option, yes, some text. */
function answersOfSomeone(questions: readonly Question[] = []): Record<string, unknown> {
  const typed: Partial<Record<Question['type'], unknown>> = {
    email: 'elsewhere@example.com',
    phone: '+493000000000',
    checkbox: true,
    text: 'Booked elsewhere',
    textarea: 'Booked elsewhere',
  };
  const answer = (q: Question) =>
    q.options ? (q.type === 'checkbox' ? [q.options[0]!.value] : q.options[0]!.value) : (typed[q.type] ?? q.min ?? 1);
  return Object.fromEntries(questions.filter((q) => q.required).map((q) => [q.slug, answer(q)]));
}
