import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { AvailabilityClient, InvalidateFilter, WeekQuery } from '../../api/availability-client.js';
import { BookingApiError, isAbortError } from '../../api/errors.js';
import { addDays, dateInZone, startOfWeek, type IsoDate } from '../../model/dates.js';
import { BookingElement } from '../../internal/booking-element.js';
import { availabilityContext, clientContext, consumer, selectionContext } from '../../internal/contexts.js';
import { emit, type ErrorDetail } from '../../internal/events.js';
import type { HourlyCalendar } from '../hourly-calendar/hourly-calendar.js';
import { HeardSelection } from '../../internal/selection.js';
import { errorText } from '../../internal/strings.js';
import { timeZoneOptions } from '../../internal/time-zones.js';
import { styles } from './availability-loader.styles.js';

/** How many weeks "Show next available" looks ahead, one request each at most. */
const MAX_LOOKAHEAD_WEEKS = 8;

/**
 * Loads one week of availability for the chosen service and staff and owns week navigation. Shows a skeleton
 * while loading, a retryable error when the proxy fails (never a fake "no availability"), and an empty state
 * when the week has no times. The week it loaded goes to the calendar inside it by context.
 *
 * @summary Fetches a week of free times and hands it to the calendar.
 * @tag availability-loader
 *
 * @fires {CustomEvent<{ weekData: WeekData, weekMetadata: WeekMetadata }>} availability-loaded - A week was loaded (from the proxy or the cache).
 * @fires {CustomEvent<{ error: { code: string, message: string }, retry: () => void }>} availability-error - The week could not be loaded; `retry()` tries again.
 * @fires {CustomEvent<{ weekStart: string }>} week-changed - The visitor moved to another week.
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
 * @fires {CustomEvent<{ timeZone: string }>} time-zone-changed - The visitor picked another time zone; `<booking-flow>` applies it.
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
    load: { state: true },
    searching: { state: true },
    nothingAhead: { state: true },
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

  readonly #selection = consumer(this, selectionContext);

  /** The loaded week, for the calendar inside. */
  readonly #week = new ContextProvider(this, { context: availabilityContext });

  /** What the status region tells screen-reader users (loading, how many times, errors). */
  private announcement = '';

  /** The selection heard through the page's events when no <booking-flow> provides one. */
  readonly #heard = new HeardSelection(this, () => !this.#selection.value);

  /** Where loading the shown week stands; `pending` until the week on screen is the one asked for. */
  private load: { status: 'initial' | 'pending' | 'complete' } | { status: 'error'; error: ErrorDetail } = { status: 'initial' };
  /** What the shown week depends on, to load it again only when one of them changes. */
  #loadedFor?: string;
  #loading?: AbortController;

  /** Set while a keyboard user changes week or is sent back to the calendar: focus goes to it once it is shown. */
  #focusWanted = false;
  /** The "next available" search under way, if any. */
  private searching?: AbortController;
  /** The search found no free time within MAX_LOOKAHEAD_WEEKS. */
  private nothingAhead = false;

  constructor() {
    super();
    // The flow's client, when there is a flow around; it sets the public property.
    consumer(this, clientContext, (client) => (this.client = client));
    this.addEventListener('week-requested', (e) => {
      e.stopPropagation();
      this.#focusWanted = true;
      this.renderRoot.querySelector<HTMLElement>('.body')?.focus();
      this.#goToWeek(addDays(this.#shownWeekStart, 7 * e.detail.offset));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watchClient(undefined);
    this.searching?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client')) this.#watchClient(this.client);
    const wanted = JSON.stringify(this.#weekQuery() ?? null);
    if (wanted !== this.#loadedFor || changed.has('client')) {
      this.#loadedFor = wanted;
      void this.retry();
    }
  }

  /** Loads the shown week (again), dropping a load under way: its answer would be for a week no longer wanted. */
  async retry(): Promise<void> {
    this.#loading?.abort();
    const loading = (this.#loading = new AbortController());
    const query = this.#weekQuery();
    this.#week.setValue(undefined);
    this.load = { status: query ? 'pending' : 'initial' };
    if (!query) return;
    this.announcement = this.t.loadingTimes;
    try {
      if (!this.client) throw new BookingApiError('network', 'No booking service is configured (set proxy-url on <booking-flow>).', 'no_client');
      const week = await this.client.getAvailabilityForWeek({ ...query, signal: loading.signal });
      if (loading !== this.#loading) return;
      this.#week.setValue(week);
      this.load = { status: 'complete' };
      const total = week.weekMetadata.totalSlots;
      this.announcement = total === 0 ? this.t.noTimesThisWeek : this.t.timesAvailable(total);
      emit(this, 'availability-loaded', { weekData: week.weekData, weekMetadata: week.weekMetadata });
    } catch (error) {
      if (loading !== this.#loading) return;
      const detail = errorDetail(error);
      this.load = { status: 'error', error: detail };
      this.announcement = `${this.t.availabilityFailed} ${this.#errorMessage(detail)}`;
      emit(this, 'availability-error', { error: detail, retry: () => void this.retry() });
    }
  }

  protected override updated(): void {
    if (!this.#focusWanted || this.load.status === 'pending') return;
    this.#focusWanted = false;
    // The calendar's tab stop once the week is in; the next step to take when it is empty or failed.
    void this.#calendar()?.updateComplete.then((done) => {
      if (done && this.#calendar()?.focusActive()) return;
      this.renderRoot.querySelector<HTMLElement>('.empty button, .error button, .body')?.focus();
    });
  }

  /** Sends keyboard focus to the calendar as soon as the shown week is on screen (e.g. after a time was taken). */
  focusCalendar(): void {
    this.#focusWanted = true;
    this.requestUpdate();
  }

  #calendar(): HourlyCalendar | undefined {
    const slot = this.renderRoot.querySelector('slot');
    const assigned = slot?.assignedElements({ flatten: true }) ?? [];
    return [...assigned, ...assigned.flatMap((el) => [...el.querySelectorAll('hourly-calendar')])].find(
      (el): el is HourlyCalendar => el.localName === 'hourly-calendar',
    );
  }

  /**
   * Looks ahead week by week (through the client, so cached weeks cost nothing) for the first week with free times,
   * at most MAX_LOOKAHEAD_WEEKS requests, and shows it.
   */
  async #showNextAvailable(from: IsoDate): Promise<void> {
    const client = this.client;
    const query = this.#weekQuery();
    if (!client || !query) return;
    this.searching?.abort();
    const controller = (this.searching = new AbortController());
    this.nothingAhead = false;
    this.announcement = this.t.searchingNextAvailable;
    try {
      for (let i = 1; i <= MAX_LOOKAHEAD_WEEKS; i++) {
        const weekStart = addDays(from, 7 * i);
        const week = await client.getAvailabilityForWeek({ ...query, weekStart, signal: controller.signal });
        if (week.weekMetadata.totalSlots > 0) {
          this.#focusWanted = true;
          this.#goToWeek(weekStart);
          return;
        }
      }
      this.nothingAhead = true;
      this.announcement = this.t.nothingAhead(MAX_LOOKAHEAD_WEEKS);
    } catch (error) {
      if (!isAbortError(error)) this.announcement = `${this.t.availabilityFailed} ${this.#errorMessage(errorDetail(error))}`;
    } finally {
      if (this.searching === controller) this.searching = undefined;
    }
  }

  #watched?: AvailabilityClient;

  /** Reloads the shown week when the client drops it, e.g. after a booking or a time that was just taken. */
  #watchClient(client: AvailabilityClient | undefined): void {
    this.#watched?.removeEventListener('invalidate', this.#onInvalidate);
    this.#watched = client;
    client?.addEventListener('invalidate', this.#onInvalidate);
  }

  readonly #onInvalidate = (event: Event): void => {
    const { serviceId } = (event as CustomEvent<InvalidateFilter>).detail;
    if (this.#serviceId && (serviceId === undefined || serviceId === this.#serviceId)) void this.retry();
  };

  /** What the shown week is asked for with, or undefined before a service is chosen. */
  #weekQuery(): Omit<WeekQuery, 'signal'> | undefined {
    const serviceId = this.#serviceId;
    if (!serviceId) return undefined;
    return { serviceId, staffId: this.#staffId, weekStart: this.#shownWeekStart, durationMinutes: this.duration, timeZone: this.#shownTimeZone, locale: this.settings.locale };
  }

  get #serviceId(): string | undefined {
    return this.service || (this.#selection.value ?? this.#heard.value).serviceId || undefined;
  }

  get #staffId(): string | null {
    if (this.staff !== undefined) return this.staff || null;
    return (this.#selection.value ?? this.#heard.value).staffId;
  }

  #errorMessage(detail: { code: string; message: string }): string {
    return errorText(this.t, detail.code, detail.message);
  }

  get #shownTimeZone(): string {
    return this.timeZone || this.settings.timeZone;
  }

  get #currentWeekStart(): IsoDate {
    return startOfWeek(dateInZone(Date.now(), this.#shownTimeZone), this.settings.weekStartsOn);
  }

  /** The visitor picked a zone: the flow applies it everywhere; alone, the loader keeps it. */
  #changeTimeZone(timeZone: string): void {
    if (this.flowSettings && !this.timeZone) emit(this, 'time-zone-changed', { timeZone });
    else {
      this.timeZone = timeZone;
      emit(this, 'time-zone-changed', { timeZone });
    }
  }

  get #shownWeekStart(): IsoDate {
    const { weekStartsOn } = this.settings;
    return this.weekStart ? startOfWeek(this.weekStart, weekStartsOn) : this.#currentWeekStart;
  }

  #goToWeek(weekStart: IsoDate): void {
    if (weekStart < this.#currentWeekStart) weekStart = this.#currentWeekStart;
    this.nothingAhead = false;
    if (weekStart === this.#shownWeekStart) return;
    this.weekStart = weekStart;
    emit(this, 'week-changed', { weekStart });
  }

  #weekLabel(weekStart: IsoDate): string {
    const format = new Intl.DateTimeFormat(this.settings.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    return format.formatRange(new Date(`${weekStart}T00:00:00Z`), new Date(`${addDays(weekStart, 6)}T00:00:00Z`));
  }

  protected override render() {
    const weekStart = this.#shownWeekStart;
    const atCurrentWeek = weekStart <= this.#currentWeekStart;
    const hasService = Boolean(this.#serviceId);
    const t = this.t;
    return html`
      <h2 class="visually-hidden">${t.availableTimes}</h2>
      <div class="toolbar" part="toolbar" ?hidden=${!hasService}>
        <button class="button nav" part="nav-button" aria-label=${t.previousWeek} ?disabled=${atCurrentWeek}
          @click=${() => this.#goToWeek(addDays(weekStart, -7))}>
          <span aria-hidden="true">‹</span>
        </button>
        <p class="week-label" part="week-label">${this.#weekLabel(weekStart)}</p>
        <button class="button nav" part="nav-button" aria-label=${t.nextWeek} @click=${() => this.#goToWeek(addDays(weekStart, 7))}>
          <span aria-hidden="true">›</span>
        </button>
        <button class="button" part="nav-button" ?disabled=${atCurrentWeek} @click=${() => this.#goToWeek(this.#currentWeekStart)}>
          ${t.thisWeek}
        </button>
        <label class="zone" part="time-zone">
          <span>${t.timeZone}</span>
          <select @change=${(e: Event) => this.#changeTimeZone((e.target as HTMLSelectElement).value)}>
            ${timeZoneOptions(this.#shownTimeZone)}
          </select>
        </label>
      </div>
      <div class="body ${hasService ? '' : 'unsized'}" tabindex="-1" aria-busy=${this.load.status === 'pending' || this.searching ? 'true' : 'false'}>
        ${this.#renderState(weekStart)}
        <div class="calendar" ?hidden=${!this.#week.value?.weekMetadata.totalSlots}>
          <slot><hourly-calendar></hourly-calendar></slot>
        </div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  #renderState(weekStart: IsoDate) {
    const load = this.load;
    switch (load.status) {
      case 'initial':
        return html`<p class="prompt" part="prompt">${this.t.chooseService}</p>`;
      case 'pending':
        return this.#renderSkeleton();
      case 'error':
        return this.#renderError(load.error);
      default: {
        const meta = this.#week.value?.weekMetadata;
        return html`
          ${meta?.stale ? html`<p class="stale" part="stale">${this.t.staleTimes}</p>` : nothing}
          ${meta?.totalSlots ? nothing : this.#renderEmpty(weekStart)}
        `;
      }
    }
  }

  #renderSkeleton() {
    return html`
      <div class="skeleton" part="skeleton">
        <span class="visually-hidden">${this.t.loadingTimes}</span>
        ${Array.from({ length: 7 }, () => html`<div class="skeleton-day" aria-hidden="true"><span></span><span></span><span></span></div>`)}
      </div>
    `;
  }

  #renderError(error: ErrorDetail) {
    const t = this.t;
    return html`
      <div class="error" part="error" role="alert">
        <p><strong>${t.availabilityFailed}</strong> ${this.#errorMessage(error)}</p>
        <button class="button" @click=${() => void this.retry()}>${t.retry}</button>
      </div>
    `;
  }

  #renderEmpty(weekStart: IsoDate) {
    return html`
      <div class="empty" part="empty">
        <p>${this.nothingAhead ? this.t.nothingAhead(MAX_LOOKAHEAD_WEEKS) : this.t.noTimesThisWeek}</p>
        <button class="button primary" ?disabled=${Boolean(this.searching)} @click=${() => void this.#showNextAvailable(weekStart)}>
          ${this.searching ? this.t.searchingNextAvailable : this.t.showNextAvailable}
        </button>
      </div>
    `;
  }
}

function errorDetail(error: unknown): { code: string; message: string } {
  if (error instanceof BookingApiError) return { code: error.code, message: error.message };
  return { code: 'unknown', message: 'Something went wrong. Please try again.' };
}

declare global {
  interface HTMLElementTagNameMap {
    'availability-loader': AvailabilityLoader;
  }
}
