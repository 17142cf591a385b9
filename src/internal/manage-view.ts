import { html, nothing } from 'lit';
import type { ManageStrings } from './manage-strings.js';
import { summaryList } from './summary-text.js';

// The templates of the change-and-cancel panel (ManagePanel keeps the state and the calls).

export function errorAlert(message: string | undefined) {
  return message ? html`<p class="error" part="error" role="alert">${message}</p>` : nothing;
}

/** An optional reason (for a move or a cancellation): a native textarea, kept by the panel. */
export function reasonField(id: string, label: string, value: string, onInput: (value: string) => void) {
  return html`<div class="field" part="field">
    <label for=${id}>${label}</label>
    <textarea
      id=${id}
      part="input"
      rows="2"
      maxlength="500"
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

export function panelFrame(m: ManageStrings, content: unknown) {
  return html`<section aria-labelledby="heading">
    <h2 id="heading" tabindex="-1">${m.changeHeading}</h2>
    ${content}
  </section>`;
}

/** A booking that cannot be changed: said plainly (a status, not an error), with a way to book anew. */
export function endedPanel(m: ManageStrings, message: string, onLeave: () => void) {
  return panelFrame(
    m,
    html`<p class="prompt" part="prompt" role="status">${message}</p>
      <button class="button primary" @click=${onLeave}>${m.bookNew}</button>`,
  );
}

export interface CancelQuestion {
  reason: string;
  onReason: (value: string) => void;
  cancelling: boolean;
  failed?: string;
  onConfirm: () => void;
  onKeep: () => void;
}

/** "Cancel this booking?", with an optional reason: a group the focus moves to, and back from. */
export function cancelQuestion(m: ManageStrings, q: CancelQuestion) {
  return html`<div class="cancel" part="cancel" role="group" aria-labelledby="cancel-question">
    <h3 id="cancel-question" tabindex="-1">${m.cancelQuestion}</h3>
    ${reasonField('cancel-reason', m.cancelReason, q.reason, q.onReason)} ${errorAlert(q.failed)}
    <div class="actions">
      <button
        class="button danger"
        part="confirm-cancel-button"
        aria-disabled=${q.cancelling ? 'true' : 'false'}
        @click=${() => !q.cancelling && q.onConfirm()}
      >
        ${q.cancelling ? m.cancelling : m.confirmCancel}
      </button>
      <button class="button" @click=${q.onKeep}>${m.keepBooking}</button>
    </div>
  </div>`;
}

/** A change made: a receipt with the reference, what may follow it, and a way to book anew. */
export function receipt(
  m: ManageStrings,
  r: { title: string; rows: [string, string][]; reference: string; uid: string; after: unknown; onLeave: () => void },
) {
  return html`<section class="confirmation" part="confirmation" aria-labelledby="done" role="status">
    <h2 id="done" tabindex="-1">${r.title}</h2>
    ${summaryList(
      r.rows,
      html`<div>
        <dt>${r.reference}</dt>
        <dd class="uid">${r.uid}</dd>
      </div>`,
    )}
    ${r.after}
    <button class="button" @click=${r.onLeave}>${m.bookNew}</button>
  </section>`;
}
