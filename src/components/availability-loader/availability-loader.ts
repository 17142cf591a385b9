import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { AvailabilityClient } from '../../api/availability-client.js';
import { errorDetail } from '../../api/errors.js';
import { idle } from '../../api/idle.js';
import { addDays, currentWeekStart, startOfWeek, type IsoDate } from '../../model/dates.js';
import type { WeekAvailability } from '../../model/week.js';
import { BookingElement } from '../../internal/booking-element.js';
import { ClientInvalidation } from '../../internal/client-invalidation.js';
import { clientContext, consumer } from '../../internal/contexts.js';
import { FocusHandover, FocusTarget, focusContext } from '../../internal/focus-handover.js';
import type { NextAvailableSearch } from '../../internal/next-available-search.js';
import { ChosenSelection } from '../../internal/chosen.js';
import { WeekLoad, type WeekAsk } from '../../internal/week-load.js';
import { emptyWeek, staleNote, weekError, weekSkeleton } from '../../internal/week-states.js';
import { WeekRequests } from '../../internal/week-request.js';
import { emit, type ErrorDetail } from '../../public/events.js';
import { errorText } from '../../public/strings.js';
import { listEveryZone } from '../../internal/time-zones.js';
import { weekToolbar } from '../../internal/week-toolbar.js';
import { styles } from './availability-loader.styles.js';

/**
 * Loads one week of availability for the chosen service and staff and owns week navigation. Shows a skeleton
 * while loading, a retryable error when the proxy fails (never a fake "no availability"), and an empty state
 * when the week has no times. The week it loaded goes to the calendar inside it by context. While it is on the
 * page it follows the proxy's live stream (`GET /events`): when someone else books or frees a time in the shown
 * week, the week is fetched again in the background and updated in place, and its status region says so.
 *
 * @summary Fetches a week of free times and hands it to the calendar.
 * @tag availability-loader
 *
 * @fires {CustomEvent<{ weekData: WeekData, weekMetadata: WeekMetadata }>} availability-loaded - A week was loaded (from the proxy or the cache).
 * @fires {CustomEvent<{ error: { code: string, message: string }, retry: () => void }>} availability-error - The week could not be loaded; `retry()` tries again.
 * @fires {CustomEvent<{ weekStart: string }>} week-changed - The visitor moved to another week.
 * @fires {CustomEvent<{ timeZone: string }>} time-zone-changed - The visitor picked another time zone; `<booking-flow>` applies it.
 *
 * @slot - The calendar that shows the loaded week; an `<hourly-calendar>` when empty.
 *
 * @csspart toolbar - The row with the week label and navigation buttons.
 * @csspart nav-button - Previous week, next week and this week buttons.
 * @csspart week-label - The dates of the shown week.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message with its Retry button.
 * @csspart empty - The message for a week with no free times.
 * @csspart stale - The note over times the proxy could only serve from an expired answer (possibly out of date).
 * @csspart prompt - The message shown before a service is chosen.
 * @csspart time-zone - The time-zone switcher (label and select).
 *
 * @cssprop [--booking-color-surface] - Skeleton and panel background.
 * @cssprop [--booking-calendar-height=32rem] - Height of the week area (28rem in a narrow container); it scrolls inside, so nothing below moves.
 * @cssprop [--booking-color-danger] - Error text and border.
 */
export class AvailabilityLoader extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  static override properties: PropertyDeclarations = {
    service: { reflect: true },
    staff: { reflect: true },
    weekStart: { attribute: 'week-start', reflect: true },
    duration: { type: Number },
    timeZone: { attribute: 'time-zone', reflect: true },
    client: { attribute: false },
    announcement: { state: true },
  };

  /** Service id; overrides the flow's selection when set. */
  service?: string;

  /** Staff id; overrides the flow's selection when set. Empty or absent is "any available". */
  staff?: string;

  /** First day of the shown week, `YYYY-MM-DD`. Defaults to the current week. */
  weekStart?: IsoDate;

  /** Appointment length in minutes, for services that offer several; the proxy uses the service's own otherwise. */
  duration?: number;

  /** Time zone for the shown times; defaults to the flow's (or the browser's). The switcher sets it when alone. */
  timeZone?: string;

  /** The client to use when no `<booking-flow>` provides one. */
  client?: AvailabilityClient;

  /** Its own service and staff attributes, else the flow's selection, else the page's events. */
  readonly #chosen = new ChosenSelection(this, () => ({
    serviceId: this.service || undefined,
    // An empty staff attribute is "any available".
    staffId: this.staff === undefined ? undefined : this.staff || null,
  }));

  /** Where the calendar inside registers to take focus. */
  readonly #inner = new FocusHandover();

  /** What the status region tells screen-reader users (loading, how many times, errors). */
  private announcement = '';
  /** Set when focus should go to the week once it is on screen (a keyboard user changed week, a time was taken). */
  #focusWanted = false;

  /** The shown week, for the calendar inside and the page. */
  readonly #load = new WeekLoad(this, {
    client: () => this.client,
    query: () => this.#weekQuery(),
    strings: () => this.t,
    announce: (text) => (this.announcement = text),
    // The skeleton pulses only once a load has taken a while. Pulsing from its first frame gave each of its 21 bars
    // a layer of its own in the frame right after a visitor's click on a week, and the click waited for their raster.
    slow: () => this.renderRoot.querySelector('.skeleton')?.classList.add('pulse'),
  });

  /** "Show next available" in an empty week, once its chunk is in. */
  #search?: NextAvailableSearch;
  #searchAsked?: Promise<void>;

  constructor() {
    super();
    // The flow's client, when there is a flow around; it sets the public property.
    consumer(this, clientContext, (client) => (this.client = client));
    new ContextProvider(this, { context: focusContext, initialValue: this.#inner });
    new FocusTarget(this, 'calendar', () => {
      this.#focusWanted = true;
      this.requestUpdate();
      return true;
    });
    // The shown week, when a booking or a change heard live dropped it: fetched again and updated in place.
    new ClientInvalidation(
      this,
      () => this.client,
      () => {
        const query = this.#weekQuery();
        if (query && this.#load.week && !this.client?.has(query)) this.#load.refresh();
      },
    );
    // PageUp/PageDown in the calendar.
    new WeekRequests(this, (offset) => {
      this.renderRoot.querySelector<HTMLElement>('.body')?.focus();
      this.#goToWeek(addDays(this.#shownWeekStart, 7 * offset), true);
    });
  }

  /** Loads the shown week again, e.g. after an error. */
  retry(): Promise<void> {
    return this.#load.task.run();
  }

  protected override updated(): void {
    if (!this.#focusWanted || this.#load.pending) return;
    this.#focusWanted = false;
    // The calendar's tab stop once the week is in; the next step to take when it is empty or failed.
    void this.updateComplete.then(() => {
      if (this.#inner.focus('times')) return;
      this.renderRoot.querySelector<HTMLElement>('.empty button, .error button, .body')?.focus();
    });
  }

  /** What the shown week is asked for with, or undefined before a service is chosen. */
  #weekQuery(): WeekAsk | undefined {
    const serviceId = this.#serviceId;
    if (!serviceId) return undefined;
    const { locale } = this.settings;
    return {
      serviceId,
      staffId: this.#staffId,
      weekStart: this.#shownWeekStart,
      durationMinutes: this.duration ?? this.#chosen.value.durationMinutes ?? undefined,
      timeZone: this.#shownTimeZone,
      locale,
    };
  }

  get #serviceId(): string | undefined {
    return this.#chosen.value.serviceId ?? undefined;
  }

  get #staffId(): string | null {
    return this.#chosen.value.staffId;
  }

  #errorMessage(detail: ErrorDetail): string {
    return errorText(this.t, detail.code, detail.message);
  }

  get #shownTimeZone(): string {
    return this.timeZone || this.settings.timeZone;
  }

  get #currentWeekStart(): IsoDate {
    return currentWeekStart(this.#shownTimeZone, this.settings.weekStartsOn);
  }

  get #shownWeekStart(): IsoDate {
    return this.weekStart ? startOfWeek(this.weekStart, this.settings.weekStartsOn) : this.#currentWeekStart;
  }

  /** The visitor picked a zone: the flow applies it everywhere; alone, the loader keeps it. */
  #changeTimeZone(timeZone: string): void {
    if (!this.flowSettings || this.timeZone) this.timeZone = timeZone;
    emit(this, 'time-zone-changed', { timeZone });
  }

  #goToWeek(weekStart: IsoDate, focus = false): void {
    if (weekStart < this.#currentWeekStart) weekStart = this.#currentWeekStart;
    if (focus) this.#focusWanted = true;
    if (weekStart === this.#shownWeekStart) return;
    this.weekStart = weekStart;
    emit(this, 'week-changed', { weekStart });
  }

  protected override render() {
    const weekStart = this.#shownWeekStart;
    const hasService = Boolean(this.#serviceId);
    const busy = this.#load.pending || Boolean(this.#search?.busy);
    return html`
      <h2 class="visually-hidden">${this.t.availableTimes}</h2>
      ${weekToolbar({
        hidden: !hasService,
        weekStart,
        atCurrentWeek: weekStart <= this.#currentWeekStart,
        currentWeekStart: this.#currentWeekStart,
        timeZone: this.#shownTimeZone,
        settings: this.settings,
        goToWeek: (week) => this.#goToWeek(week),
        changeTimeZone: (zone) => this.#changeTimeZone(zone),
        listZones: () => listEveryZone(this),
      })}
      <div class="body ${hasService ? '' : 'unsized'}" tabindex="-1" aria-busy=${busy}>
        ${
          hasService
            ? this.#load.task.render({
                // A week refreshed in place stays on screen until the new answer replaces it.
                pending: this.#load.refreshing ? undefined : () => weekSkeleton(this.t),
                complete: (week) => this.#renderWeekState(week, weekStart),
                error: (error) =>
                  weekError(this.t, this.#errorMessage(errorDetail(error)), () => void this.#load.task.run()),
              })
            : html`<p class="prompt" part="prompt">${this.t.chooseService}</p>`
        }
        <div class="calendar" ?hidden=${!this.#load.week?.weekMetadata.totalSlots}>
          <slot><hourly-calendar></hourly-calendar></slot>
        </div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  #renderWeekState(week: WeekAvailability, weekStart: IsoDate) {
    // "Show next available" is a chunk beside the bundle, asked for once a first week is in and the page is idle: asked
    // for as the week rendered, it came in before the calendar's first frame (Chromium runs a loading page's loading
    // tasks first). Not loaded, the next week shown asks again; an empty week meanwhile says only that it is empty.
    if (!this.#searchAsked)
      this.#searchAsked = idle()
        .then(() => import('../../internal/next-available-search.js'))
        .then(
          (chunk) => {
            this.#search = new chunk.NextAvailableSearch(this, {
              client: () => this.client,
              query: () => this.#weekQuery(),
              strings: () => this.t,
              found: (weekStart) => this.#goToWeek(weekStart, true),
              failed: (error) =>
                (this.announcement = `${this.t.availabilityFailed} ${this.#errorMessage(errorDetail(error))}`),
              announce: (text) => (this.announcement = text),
            });
            this.requestUpdate();
          },
          () => (this.#searchAsked = undefined),
        );
    const { stale, totalSlots } = week.weekMetadata;
    return html`
      ${stale ? staleNote(this.t) : nothing}
      ${totalSlots ? nothing : (this.#search?.renderEmpty(weekStart) ?? emptyWeek(this.t.noTimesThisWeek))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'availability-loader': AvailabilityLoader;
  }
}
