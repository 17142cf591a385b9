import { html } from 'lit';
import type { BookingStrings } from '../public/strings.js';

export type AttendeeField = 'name' | 'email' | 'phone' | 'notes';
export type AttendeeValues = Record<AttendeeField, string>;

const INPUTS = [
  { field: 'name', type: 'text', autocomplete: 'name', required: true, maxlength: 200 },
  { field: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 254 },
  { field: 'phone', type: 'tel', autocomplete: 'tel', required: false, maxlength: 200 },
] as const;

/** The visitor's details: native inputs with native validation, and notes; every value kept by the host. */
export function attendeeFields(
  t: BookingStrings,
  values: AttendeeValues,
  onInput: (field: AttendeeField, value: string) => void,
) {
  const changed = (field: AttendeeField) => (e: Event) =>
    onInput(field, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`
    ${INPUTS.map(
      (input) => html`
        <div class="field" part="field">
          <label for=${input.field}>${t[input.field]}</label>
          <input
            id=${input.field}
            name=${input.field}
            part="input"
            type=${input.type}
            autocomplete=${input.autocomplete}
            ?required=${input.required}
            maxlength=${input.maxlength}
            .value=${values[input.field]}
            @input=${changed(input.field)}
          />
        </div>
      `,
    )}
    <div class="field" part="field">
      <label for="notes">${t.notes}</label>
      <textarea
        id="notes"
        part="input"
        rows="3"
        maxlength="2000"
        .value=${values.notes}
        @input=${changed('notes')}
      ></textarea>
    </div>
  `;
}
