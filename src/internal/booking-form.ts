import { html, nothing, type TemplateResult } from 'lit';
import type { BookingRequest } from '../api/booking-calls.js';
import { BookingApiError } from '../api/errors.js';
import { ServiceFormSchema, type Question, type ServiceForm } from '../api/form-schemas.js';
import { conform } from '../api/shape.js';
import type { ErrorDetail } from '../public/events.js';
import type { Answer, Prefill } from '../public/prefill.js';
import { choiceGroup, questionField, textArea, textField, type FieldError, type FieldState } from './form-fields.js';
import { urlPrefill } from './url-prefill.js';
import type { ExtrasHost, SummaryView } from './summary-extras.js';

/** What the summary tells the form about the booking attempt. */
export interface FormState {
  sending: boolean;
  /** The booking service has not confirmed yet and the client is asking again. */
  checking: boolean;
  failed?: ErrorDetail;
  /** No time chosen, or the chosen one was taken. */
  disabled: boolean;
}

type Attendee = 'name' | 'email' | 'phone' | 'notes';

/**
 * The booking form: name, email, phone and notes, then what the chosen service asks for (where, its questions,
 * guests). Native controls and native validation; every value is kept across failures, other times and other
 * services. Prefill (the flow's or the summary's `prefill`, and the page's query when allowed) fills fields the
 * visitor has not typed in; fields listed as read-only are shown locked.
 */
export class BookingForm {
  readonly #host: ExtrasHost;
  readonly #view: SummaryView;
  #values: Record<Attendee, string> = { name: '', email: '', phone: '', notes: '' };
  #answers: Record<string, Answer> = {};
  #guests: string[] = [];
  #location?: string;
  /** What the visitor changed themselves: prefill never overwrites it. */
  readonly #typed = new Set<string>();
  #prefill: Prefill = {};
  #appliedPrefill?: string;
  /** The proxy's complaint about one field, shown under it until that field changes. */
  #error?: FieldError;

  constructor(host: ExtrasHost, view: SummaryView) {
    this.#host = host;
    this.#view = view;
  }

  /** The chosen service's questions, guests and places, checked before use; nothing extra when they do not fit. */
  #service(): ServiceForm {
    const id = this.#view.chosen().serviceId;
    const service = this.#view.catalog()?.services.find((s) => s.id === id);
    const checked = conform(ServiceFormSchema, service ?? {});
    return 'value' in checked ? checked.value : {};
  }

  /** Applies a prefill that changed since last time, over the fields the visitor has not typed in. */
  #applyPrefill(): void {
    const settings = this.#view.settings();
    const fromUrl = this.#host.prefillFromUrl ?? settings.prefillFromUrl;
    const prefill: Prefill = {
      ...settings.prefill,
      ...this.#host.prefill,
      ...(fromUrl ? urlPrefill(location.search) : {}),
    };
    const key = JSON.stringify(prefill);
    if (key === this.#appliedPrefill) return;
    this.#appliedPrefill = key;
    this.#prefill = prefill;
    for (const field of ['name', 'email', 'phone', 'notes'] as const) {
      const value = prefill[field];
      if (value !== undefined && !this.#typed.has(field)) this.#values[field] = String(value);
    }
    if (prefill.guests && !this.#typed.has('guests')) this.#guests = prefill.guests.map(String);
    if (prefill.location && !this.#typed.has('location')) this.#location = prefill.location;
    for (const [slug, answer] of Object.entries(prefill.answers ?? {}))
      if (!this.#typed.has(slug)) this.#answers[slug] = answer;
  }

  #field<T>(key: string, value: T, set: (value: T) => void): FieldState<T> {
    const prefilled = key in this.#prefill || key in (this.#prefill.answers ?? {});
    return {
      value,
      locked: prefilled && (this.#prefill.readonly ?? []).includes(key) && !this.#typed.has(key),
      error: this.#error,
      set: (next) => {
        this.#typed.add(key);
        set(next);
        this.#error = undefined;
        this.#host.requestUpdate();
      },
    };
  }

  #attendee(key: Attendee): FieldState<string> {
    return this.#field(key, this.#values[key], (v) => (this.#values[key] = v));
  }

  render(state: FormState, hold: unknown): TemplateResult {
    this.#applyPrefill();
    const t = this.#view.words();
    const service = this.#service();
    const locations = service.locations ?? [];
    const byPhone = this.#location === 'phone' || (locations.length === 1 && locations[0] === 'phone');
    const unconfirmed = state.failed?.code === 'booking_unconfirmed';
    return html`
      <form part="form" @submit=${this.#submit}>
        ${textField('name', 'name', t.name, true, this.#attendee('name'))}
        ${textField('email', 'email', t.email, true, this.#attendee('email'))}
        ${locations.length > 1 ? this.#where(locations) : nothing}
        ${textField('phone', 'phone', byPhone ? t.phoneRequired : t.phone, byPhone, this.#attendee('phone'))}
        ${(service.questions ?? []).map((question) =>
          questionField(
            question,
            t,
            this.#field(question.slug, this.#answers[question.slug], (v) => {
              if (v === undefined) delete this.#answers[question.slug];
              else this.#answers[question.slug] = v;
            }),
          ),
        )}
        ${service.guests ? this.#guestFields(service.guests) : nothing}
        ${textArea('notes', t.notes, false, 2000, this.#attendee('notes'))}
        ${state.failed ? html`<p id="error" class="error" part="error" role="alert">${state.failed.message}</p>` : nothing}
        ${state.checking ? html`<p class="checking" part="checking" role="status">${t.checkingBooking}</p>` : nothing}
        ${hold}
        <button
          class="button primary"
          part="confirm-button"
          type="submit"
          ?disabled=${state.disabled}
          aria-disabled=${state.sending ? 'true' : 'false'}
        >
          ${state.sending ? t.sending : unconfirmed ? t.checkAgain : t.confirm}
        </button>
      </form>
    `;
  }

  /** Where it takes place, for a service offered in several ways; in person names the branch's address. */
  #where(locations: string[]) {
    const t = this.#view.words();
    const { branchId, serviceId } = this.#view.chosen();
    const catalog = this.#view.catalog();
    const offered = catalog?.services.find((s) => s.id === serviceId)?.branchIds;
    // In person: at the chosen branch, or at the one branch with an address that offers the service.
    const branches = (catalog?.branches ?? []).filter((b) =>
      branchId ? b.id === branchId : b.address && (!offered || offered.includes(b.id)),
    );
    const branch = branches.length === 1 ? branches[0] : undefined;
    const labels = t.locations as Record<string, string | undefined>;
    return choiceGroup(
      'location',
      t.whereLegend,
      'radio',
      true,
      locations.map((kind) => ({
        value: kind,
        label: labels[kind] ?? kind,
        meta: kind === 'in-person' && branch?.address ? t.atAddress(branch.address) : undefined,
      })),
      this.#field('location', this.#location ? [this.#location] : [], (v) => (this.#location = v[0])),
    );
  }

  /** Up to `max` guest emails: each its own labelled input, added and removed with buttons. */
  #guestFields(max: number) {
    const t = this.#view.words();
    const guests = this.#guests.slice(0, max);
    // Each change starts from the guests as they are now, not as they were drawn: typing and adding may come quicker
    // than a render.
    const field = this.#field('guests', guests, (next) => (this.#guests = next));
    const add = () => {
      field.set([...this.#guests, '']);
      void this.#host.updateComplete.then(() => this.#focus(`guest-${guests.length}`));
    };
    return html`
      <fieldset class="group" part="field guests" aria-describedby="guests-hint">
        <legend>${t.guests}</legend>
        <p id="guests-hint" class="hint" part="hint">${t.guestsHint(max)}</p>
        ${guests.map(
          (guest, i) => html`
            <div class="guest">
              ${textField(`guest-${i}`, 'email_', t.guestEmail(i + 1), false, {
                ...field,
                value: guest,
                error: this.#error,
                set: (v) => field.set(this.#guests.map((g, j) => (j === i ? v : g))),
              })}
              <button
                type="button"
                class="button"
                ?disabled=${field.locked}
                @click=${() => {
                  field.set(this.#guests.filter((_, j) => j !== i));
                  void this.#host.updateComplete.then(() => this.#focus(guests.length > 1 ? 'guest-0' : 'add-guest'));
                }}
              >
                ${t.removeGuest(i + 1)}
              </button>
            </div>
          `,
        )}
        ${
          guests.length < max && !field.locked
            ? html`<button id="add-guest" type="button" class="button" @click=${add}>${t.addGuest}</button>`
            : nothing
        }
      </fieldset>
    `;
  }

  #focus(id: string): void {
    this.#host.renderRoot.querySelector<HTMLElement>(`#${id}, #${id}-first`)?.focus();
  }

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const t = this.#view.words();
    // A checkbox group that needs one ticked: the platform has no such check, so its first box carries it.
    for (const group of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-required]')) {
      const first = group.querySelector<HTMLInputElement>('input');
      const ticked = group.querySelector('input:checked');
      first?.setCustomValidity(ticked ? '' : t.chooseAtLeastOne);
    }
    if (!form.reportValidity()) return;
    const { slot, serviceId, staffId } = this.#view.chosen();
    if (!slot || !serviceId) return;
    const { timeZone, locale } = this.#view.settings();
    const service = this.#service();
    const trimmed = (key: Attendee) => this.#values[key].trim() || undefined;
    const questions = service.questions ?? [];
    const answers = Object.fromEntries(
      questions.flatMap((q) => {
        const answer = answerFor(q, this.#answers[q.slug]);
        return answer === undefined ? [] : [[q.slug, answer]];
      }),
    );
    const guests = this.#guests.map((g) => g.trim()).filter(Boolean);
    const request: BookingRequest = {
      service: serviceId,
      staff: staffId,
      start: slot.fullDatetime,
      timeZone,
      duration: slot.durationMinutes,
      attendee: { name: trimmed('name')!, email: trimmed('email')!, phone: trimmed('phone'), notes: trimmed('notes') },
      ...(questions.length ? { answers } : {}),
      ...(service.guests && guests.length ? { guests } : {}),
      ...((service.locations?.length ?? 0) > 1 ? { location: this.#location } : {}),
      locale,
    };
    this.#view.submit(request);
  };

  /** After a failed booking: a field the proxy named gets the message under it, and focus. */
  failed(error: unknown): void {
    const field = error instanceof BookingApiError ? error.field : undefined;
    if (!field) return;
    const id = field.startsWith('attendee.')
      ? field.slice(9)
      : field.startsWith('answers.')
        ? `q-${field.slice(8)}`
        : field.startsWith('guests')
          ? `guest-${field.split('.')[1] ?? 0}`
          : field;
    // The proxy says "answers.consent: is required"; under the field, its label already says which.
    const message = (error as BookingApiError).message.replace(/^[\w.-]+: /, '');
    this.#error = { id, message: message.charAt(0).toUpperCase() + message.slice(1) };
    void this.#host.updateComplete.then(() => this.#focus(id));
  }

  /** For another booking: the same visitor, new notes. */
  reset(): void {
    this.#values.notes = '';
  }
}

/** An answer as the proxy takes it for the question's type (a prefill from a URL comes as text). */
function answerFor(question: Question, answer: Answer | undefined): Answer | undefined {
  if (answer === undefined || answer === '') return undefined;
  if (question.type === 'number') return typeof answer === 'number' ? answer : Number(answer);
  if (question.type === 'checkbox')
    return question.options
      ? Array.isArray(answer)
        ? answer
        : [String(answer)]
      : answer === true || answer === 'true';
  return Array.isArray(answer) ? answer[0] : String(answer);
}
