import { html, type TemplateResult } from 'lit';
import type { BookingStrings } from '../public/strings.js';

// What the loader shows in the week's place while there is no week to show.

/** A placeholder week of the same height as the real one, so nothing moves when it arrives. */
export function weekSkeleton(t: BookingStrings) {
  return html`
    <div class="skeleton" part="skeleton">
      <span class="visually-hidden">${t.loadingTimes}</span>
      ${Array.from(
        { length: 7 },
        () => html`<div class="skeleton-day" aria-hidden="true"><span></span><span></span><span></span></div>`,
      )}
    </div>
  `;
}

/** The week could not be loaded: said plainly, with Retry; never a fake "no availability". */
export function weekError(t: BookingStrings, message: string, retry: () => void) {
  return html`
    <div class="error" part="error" role="alert">
      <p><strong>${t.availabilityFailed}</strong> ${message}</p>
      <button class="button" @click=${retry}>${t.retry}</button>
    </div>
  `;
}

/** A week without free times: what it says, and the action that searches on (once its chunk is in). */
export function emptyWeek(text: string, action?: TemplateResult) {
  return html`
    <div class="empty" part="empty">
      <p>${text}</p>
      ${action}
    </div>
  `;
}

/** Over times the proxy could only serve from an expired answer. */
export function staleNote(t: BookingStrings) {
  return html`<p class="stale" part="stale">${t.staleTimes}</p>`;
}
