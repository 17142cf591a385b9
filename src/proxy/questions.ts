import * as v from 'valibot';
import { invalidField } from './errors.js';
import { EmailText, PhoneText, Text } from './fields.js';

// A service's own questions (booking-proxy.json `services[].questions`): served with the catalog, answered in the
// form, checked here before anything goes to Cal.com, and sent as bookingFieldsResponses keyed by slug.

export const QUESTION_TYPES = ['text', 'textarea', 'email', 'phone', 'number', 'select', 'radio', 'checkbox'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Cal.com's own booking fields: a question may not take their slug. */
const RESERVED_SLUGS = ['name', 'email', 'notes', 'guests', 'location', 'rescheduleReason', 'attendeePhoneNumber'];

const Label = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(200, 'must be at most 200 characters'),
);

export const QuestionConfig = v.pipe(
  v.strictObject({
    /** The booking field's slug on the Cal.com event type. */
    slug: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z][\w-]{0,39}$/, 'must be 1-40 letters, digits, "-" or "_", starting with a letter'),
      v.check((slug) => !RESERVED_SLUGS.includes(slug), `must not be one of ${RESERVED_SLUGS.join(', ')}`),
    ),
    type: v.picklist(QUESTION_TYPES, `must be one of ${QUESTION_TYPES.join(', ')}`),
    label: Label,
    hint: v.optional(Label),
    required: v.optional(v.boolean(), false),
    /** For select, radio and checkbox; a checkbox with options takes several of them, one without is a yes/no. */
    options: v.optional(
      v.pipe(
        v.array(
          v.strictObject({
            value: v.pipe(v.string(), v.regex(/^[^\s].{0,99}$/, 'must be 1-100 characters')),
            label: Label,
          }),
        ),
        v.minLength(1, 'must list at least one option'),
        v.maxLength(50, 'must list at most 50 options'),
      ),
    ),
    /** For number: the smallest and largest answer. */
    min: v.optional(v.number()),
    max: v.optional(v.number()),
  }),
  v.check(
    (q) => (q.type === 'select' || q.type === 'radio' ? q.options !== undefined : true),
    'needs options for a select or radio question',
  ),
  v.check(
    (q) => q.options === undefined || ['select', 'radio', 'checkbox'].includes(q.type),
    'takes options only for select, radio and checkbox',
  ),
  v.check(
    (q) => q.type === 'number' || (q.min === undefined && q.max === undefined),
    'takes min and max only for number',
  ),
);
export type Question = v.InferOutput<typeof QuestionConfig>;

/** An answer as the browser sends it: text, a number, yes/no, or the values of the options ticked. */
export type Answer = string | number | boolean | string[];

const TEXT_ANSWERS = { text: Text(500), textarea: Text(2000), email: EmailText, phone: PhoneText };

/**
 * Checks the answers of a booking against the service's questions and returns them as Cal.com's
 * bookingFieldsResponses. Throws a 400 naming `answers.<slug>` for an unknown question, an answer of the wrong kind,
 * or a required one left out.
 */
export function checkedAnswers(
  questions: readonly Question[] = [],
  answers: Record<string, unknown> = {},
): Record<string, string | number | boolean | string[]> {
  for (const slug of Object.keys(answers))
    if (!questions.some((q) => q.slug === slug))
      throw invalidField(`answers.${slug}`, 'is not a question of this service');
  const responses: Record<string, string | number | boolean | string[]> = {};
  for (const question of questions) {
    const answer = checkedAnswer(question, answers[question.slug]);
    if (answer === undefined) {
      if (question.required) throw invalidField(`answers.${question.slug}`, 'is required');
    } else responses[question.slug] = answer;
  }
  return responses;
}

/** One answer, or undefined when it was left empty. */
function checkedAnswer(question: Question, answer: unknown): Answer | undefined {
  const field = `answers.${question.slug}`;
  if (answer === undefined || answer === null || answer === '') return undefined;
  const values = question.options?.map((o) => o.value) ?? [];
  switch (question.type) {
    case 'number': {
      if (typeof answer !== 'number' || !Number.isFinite(answer)) throw invalidField(field, 'must be a number');
      if (question.min !== undefined && answer < question.min)
        throw invalidField(field, `must be at least ${question.min}`);
      if (question.max !== undefined && answer > question.max)
        throw invalidField(field, `must be at most ${question.max}`);
      return answer;
    }
    case 'select':
    case 'radio':
      if (typeof answer !== 'string' || !values.includes(answer))
        throw invalidField(field, `must be one of ${values.join(', ')}`);
      return answer;
    case 'checkbox':
      if (!question.options) {
        if (typeof answer !== 'boolean') throw invalidField(field, 'must be true or false');
        // A required yes/no (a consent) is only answered by yes.
        return answer || !question.required ? answer : undefined;
      }
      if (!Array.isArray(answer) || answer.some((a) => typeof a !== 'string' || !values.includes(a)))
        throw invalidField(field, `must be a list of ${values.join(', ')}`);
      if (new Set(answer).size !== answer.length) throw invalidField(field, 'must not repeat an option');
      return answer.length ? (answer as string[]) : undefined;
    default: {
      if (typeof answer !== 'string') throw invalidField(field, 'must be text');
      if (!answer.trim()) return undefined;
      const parsed = v.safeParse(TEXT_ANSWERS[question.type], answer);
      if (!parsed.success) throw invalidField(field, parsed.issues[0].message);
      return parsed.output;
    }
  }
}
