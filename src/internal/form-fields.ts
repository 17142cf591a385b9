import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Question } from '../api/form-schemas.js';
import type { Answer } from '../public/prefill.js';
import type { BookingStrings } from '../public/strings.js';
import type { FormStrings } from './form-strings.js';

/** The proxy's complaint about one control, by the control's id. */
export interface FieldError {
  id: string;
  message: string;
}

/** How one control is drawn: its value, whether it is locked (prefilled read-only), and the error on it. */
export interface FieldState<T> {
  value: T;
  set: (value: T) => void;
  locked: boolean;
  error?: FieldError;
}

/** The ids that describe a control: its hint and the error about it, so both are read with it. */
function describedBy(id: string, hint: string | undefined, error: FieldError | undefined) {
  const ids = [hint ? `${id}-hint` : '', error?.id === id ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function help(id: string, hint: string | undefined, error: FieldError | undefined) {
  return html`${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}
  ${error?.id === id ? html`<p id="${id}-error" class="field-error" part="field-error">${error.message}</p>` : nothing}`;
}

type TextInput = { type: 'text' | 'email' | 'tel' | 'number'; autocomplete?: 'name' | 'email' | 'tel'; max: number };
const TEXT_INPUTS: Record<string, TextInput> = {
  name: { type: 'text', autocomplete: 'name', max: 200 },
  email: { type: 'email', autocomplete: 'email', max: 254 },
  phone: { type: 'tel', autocomplete: 'tel', max: 32 },
  text: { type: 'text', max: 500 },
  email_: { type: 'email', max: 254 },
  tel: { type: 'tel', max: 32 },
  number: { type: 'number', max: 32 },
};

/** One line of text (name, email, phone, a text, email, phone or number question) with its label. */
export function textField(
  id: string,
  kind: string,
  label: string,
  required: boolean,
  field: FieldState<string>,
  hint?: string,
  range?: { min?: number; max?: number },
): TemplateResult {
  const input = TEXT_INPUTS[kind] ?? TEXT_INPUTS.text!;
  return html`
    <div class="field" part="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        name=${id}
        part="input"
        type=${input.type}
        autocomplete=${ifDefined(input.autocomplete)}
        ?required=${required}
        ?readonly=${field.locked}
        maxlength=${ifDefined(kind === 'number' ? undefined : input.max)}
        min=${ifDefined(range?.min)}
        max=${ifDefined(range?.max)}
        aria-invalid=${field.error?.id === id ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, hint, field.error))}
        .value=${field.value}
        @input=${(e: Event) => field.set((e.target as HTMLInputElement).value)}
      />
      ${help(id, hint, field.error)}
    </div>
  `;
}

/** Several lines (notes, a textarea question). */
export function textArea(
  id: string,
  label: string,
  required: boolean,
  max: number,
  field: FieldState<string>,
  hint?: string,
): TemplateResult {
  return html`
    <div class="field" part="field">
      <label for=${id}>${label}</label>
      <textarea
        id=${id}
        name=${id}
        part="input"
        rows="3"
        maxlength=${max}
        ?required=${required}
        ?readonly=${field.locked}
        aria-invalid=${field.error?.id === id ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, hint, field.error))}
        .value=${field.value}
        @input=${(e: Event) => field.set((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${help(id, hint, field.error)}
    </div>
  `;
}

/** A set of radios or checkboxes in a fieldset: the legend names the group, each label its choice. */
export function choiceGroup(
  id: string,
  legend: string,
  kind: 'radio' | 'checkbox',
  required: boolean,
  choices: { value: string; label: string; meta?: string }[],
  field: FieldState<string[]>,
  hint?: string,
): TemplateResult {
  // What is ticked now, read from the group itself: two quick clicks may come before a render.
  const changed = (e: Event) => {
    const boxes = (e.target as HTMLInputElement).closest('fieldset')!.querySelectorAll<HTMLInputElement>('input');
    field.set([...boxes].filter((box) => box.checked).map((box) => box.value));
  };
  return html`
    <fieldset
      id=${id}
      class="group"
      part="field group"
      aria-describedby=${ifDefined(describedBy(id, hint, field.error))}
      ?data-required=${kind === 'checkbox' && required}
    >
      <legend>${legend}</legend>
      ${choices.map(
        (choice, i) => html`
          <label class="check">
            <input
              id=${ifDefined(i ? undefined : `${id}-first`)}
              type=${kind}
              name=${id}
              .value=${choice.value}
              .checked=${field.value.includes(choice.value)}
              ?required=${kind === 'radio' && required}
              ?disabled=${field.locked}
              aria-invalid=${field.error?.id === id ? 'true' : 'false'}
              @change=${changed}
            />
            <span>${choice.label} ${choice.meta ? html`<span class="meta">${choice.meta}</span>` : nothing}</span>
          </label>
        `,
      )}
      ${help(id, hint, field.error)}
    </fieldset>
  `;
}

/** One of a service's questions, drawn with the native control of its type. */
export function questionField(
  question: Question,
  t: BookingStrings & FormStrings,
  field: FieldState<Answer | undefined>,
): TemplateResult {
  const id = `q-${question.slug}`;
  const words = t.questions[question.slug] ?? {};
  const required = question.required === true;
  const label = words.label ?? question.label;
  const shown = required || (question.type === 'checkbox' && !question.options) ? label : t.optional(label);
  const hint = words.hint ?? question.hint;
  const choices = (question.options ?? []).map((o) => ({ value: o.value, label: words.options?.[o.value] ?? o.label }));
  const text = (value: Answer | undefined) => (value === undefined ? '' : String(value));
  const asText: FieldState<string> = { ...field, value: text(field.value), set: (v) => field.set(v || undefined) };
  switch (question.type) {
    case 'textarea':
      return textArea(id, shown, required, 2000, asText, hint);
    case 'number':
      return textField(
        id,
        'number',
        shown,
        required,
        { ...asText, set: (v) => field.set(v === '' ? undefined : Number(v)) },
        hint,
        question,
      );
    case 'select':
      return html`
        <div class="field" part="field">
          <label for=${id}>${shown}</label>
          <select
            id=${id}
            name=${id}
            part="input"
            ?required=${required}
            ?disabled=${field.locked}
            aria-invalid=${field.error?.id === id ? 'true' : 'false'}
            aria-describedby=${ifDefined(describedBy(id, hint, field.error))}
            @change=${(e: Event) => field.set((e.target as HTMLSelectElement).value || undefined)}
          >
            <option value="" ?selected=${field.value === undefined}>${t.chooseOption}</option>
            ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === field.value}>${c.label}</option>`)}
          </select>
          ${help(id, hint, field.error)}
        </div>
      `;
    case 'radio':
    case 'checkbox': {
      if (question.type === 'checkbox' && !question.options) return yesNo(id, shown, required, field, hint);
      const values = Array.isArray(field.value) ? field.value : field.value === undefined ? [] : [String(field.value)];
      const kind = question.type;
      return choiceGroup(
        id,
        shown,
        kind,
        required,
        choices,
        {
          ...field,
          value: values,
          set: (v) => field.set(kind === 'radio' ? v[0] : v.length ? v : undefined),
        },
        hint,
      );
    }
    default: {
      const kind = question.type === 'email' ? 'email_' : question.type === 'phone' ? 'tel' : 'text';
      return textField(id, kind, shown, required, asText, hint);
    }
  }
}

/** A single checkbox: a yes/no question, or a consent that must be ticked. */
function yesNo(id: string, label: string, required: boolean, field: FieldState<Answer | undefined>, hint?: string) {
  return html`
    <div class="field check" part="field">
      <input
        id=${id}
        name=${id}
        type="checkbox"
        ?required=${required}
        ?disabled=${field.locked}
        .checked=${field.value === true}
        aria-invalid=${field.error?.id === id ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(id, hint, field.error))}
        @change=${(e: Event) => field.set((e.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${label}</label>
      ${help(id, hint, field.error)}
    </div>
  `;
}
