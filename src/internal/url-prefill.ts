import type { Answer, Prefill } from '../public/prefill.js';

const ATTENDEE = ['name', 'email', 'phone', 'notes', 'location'] as const;
/** Parameters that are the page's, not the form's. */
const NOT_ANSWERS = new Set([...ATTENDEE, 'guests', 'guest', 'reschedule']);

/**
 * The form's prefill from a page's query, read as Cal.com's embed reads it: `name`, `email`, `phone`, `notes`,
 * `location`, `guests` (repeated, or separated by commas) and any other parameter as the answer to the question of
 * that slug (repeated for several choices; `true`/`false` for a yes/no). Only with the site's opt-in
 * (`prefill-from-url`): the query is the page's, and a link is anyone's to write.
 */
export function urlPrefill(search: string): Prefill {
  const params = new URLSearchParams(search);
  const prefill: Prefill = {};
  for (const key of ATTENDEE) {
    const value = params.get(key);
    if (value !== null) prefill[key] = value;
  }
  const guests = [...params.getAll('guests'), ...params.getAll('guest')].flatMap((g) => g.split(',')).filter(Boolean);
  if (guests.length) prefill.guests = guests;
  const answers: Record<string, Answer> = {};
  for (const key of new Set(params.keys())) {
    if (NOT_ANSWERS.has(key)) continue;
    const values = params.getAll(key);
    answers[key] =
      values.length > 1 ? values : values[0] === 'true' ? true : values[0] === 'false' ? false : values[0]!;
  }
  if (Object.keys(answers).length) prefill.answers = answers;
  return prefill;
}
