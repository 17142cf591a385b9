/** An answer to one of a service's questions: text, a number, yes/no, or the values of the options ticked. */
export type Answer = string | number | boolean | string[];

/**
 * What a site already knows about the visitor, put in the form up front (`prefill` on <booking-flow> or
 * <booking-summary>). Every field stays editable unless it is listed in `readonly`.
 */
export interface Prefill {
  name?: string;
  email?: string;
  phone?: string;
  notes?: string;
  /** Guest emails, for a service that takes guests. */
  guests?: string[];
  /** `in-person`, `phone` or `video`, for a service offered in several ways. */
  location?: string;
  /** Answers to the service's questions, by the question's slug. */
  answers?: Record<string, Answer>;
  /** Fields shown but not editable: `name`, `email`, `phone`, `notes`, `guests`, `location` or a question's slug. */
  readonly?: string[];
}
