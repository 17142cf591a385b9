import { array, boolean, number, object, optional, string, type Infer } from './shape.js';

// The form's part of a catalog service (SPEC.md issue 15): its questions, guests and places. The main bundle
// carries these fields through untouched; the form (a chunk) checks them here before it uses them.

export const QuestionSchema = object({
  /** The Cal.com booking field's slug; the answer is sent under it. */
  slug: string,
  /** text, textarea, email, phone, number, select, radio or checkbox; an unknown type is asked as text. */
  type: string,
  label: string,
  hint: optional(string),
  required: optional(boolean),
  /** select, radio, and a checkbox with several choices. */
  options: optional(array(object({ value: string, label: string }))),
  min: optional(number),
  max: optional(number),
});

export const ServiceFormSchema = object({
  questions: optional(array(QuestionSchema)),
  /** How many guest emails the visitor may add. */
  guests: optional(number),
  /** `in-person`, `phone`, `video`: where it takes place; the visitor chooses when there are several. */
  locations: optional(array(string)),
});

export type Question = Infer<typeof QuestionSchema>;
export type ServiceForm = Infer<typeof ServiceFormSchema>;
