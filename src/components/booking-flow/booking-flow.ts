import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { AvailabilityClient } from '../../api/availability-client.js';
import { sleep } from '../../api/proxy-fetch.js';
import { BookingElement } from '../../internal/booking-element.js';
import {
  catalogContext,
  clientContext,
  selectionContext,
  settingsContext,
  type DisplaySettings,
  type Selection,
} from '../../internal/contexts.js';
import type { Theme } from '../../public/events.js';
import { localeIsRtl, resolveSettings } from '../../internal/settings.js';
import type { BookingStrings } from '../../public/strings.js';
import type { Prefill } from '../../public/prefill.js';
import { currentWeekStart, type DayName } from '../../model/dates.js';
import { EMPTY_SELECTION, STEP_EVENTS, selectionAfter } from '../../internal/selection.js';
import { CatalogTask } from '../../internal/catalog-task.js';
import { unknownPreselection, withPreselection } from '../../internal/preselection.js';
import { FocusHandover, focusContext } from '../../internal/focus-handover.js';
import { dateFormat, numberFormat } from '../../model/intl.js';
import { styles } from './booking-flow.styles.js';

/** How long the start-up keeps its steps back at most: a longer wait shows their loading states. */
const HOLD_MS = 400;

/** The steps a flow without children of its own shows, in order. */
const DEFAULT_STEPS = [
  'theme-toggle',
  'branch-selector',
  'service-selector',
  'staff-selector',
  'availability-loader',
  'booking-summary',
] as const;

/**
 * One booking, from service to time. It talks to the proxy at `proxy-url`, keeps what the visitor chose and
 * shares both with the steps inside it. With no children it shows the default steps; with children it uses
 * those, so a page can leave out or reorder steps.
 *
 * @summary The whole booking flow, or the frame around the steps you compose.
 *
 * @fires {CustomEvent<{ branchId: string, branch: Branch }>} branch-selected - Bubbles up from <branch-selector>.
 * @fires {CustomEvent<{ serviceId: string, service: Service }>} service-selected - Bubbles up from <service-selector>.
 * @fires {CustomEvent<{ durationMinutes: number }>} duration-selected - Bubbles up from <service-selector>: a length of a service that has several.
 * @fires {CustomEvent<{ staffId: string | null, staff: Staff | null }>} staff-selected - Bubbles up from <staff-selector>.
 * @fires {CustomEvent<{ weekStart: string }>} week-changed - Bubbles up from <availability-loader>.
 * @fires {CustomEvent<{ weekData: WeekData, weekMetadata: WeekMetadata }>} availability-loaded - Bubbles up from <availability-loader>.
 * @fires {CustomEvent<{ error: { code: string, message: string }, retry: () => void }>} availability-error - Bubbles up from <availability-loader>.
 * @fires {CustomEvent<{ slot: Slot }>} slot-selected - Bubbles up from <hourly-calendar>.
 * @fires {CustomEvent<{ booking: ConfirmedBooking }>} booking-confirmed - Bubbles up from <booking-summary>.
 * @fires {CustomEvent<{ error: { code: string, message: string } }>} booking-failed - Bubbles up from <booking-summary>.
 * @fires {CustomEvent<{ booking: ConfirmedBooking, previousUid: string }>} booking-rescheduled - Bubbles up from <booking-summary>: a booking was moved.
 * @fires {CustomEvent<{ uid: string }>} booking-cancelled - Bubbles up from <booking-summary>: a booking was cancelled.
 * @fires {CustomEvent<{ theme: 'light' | 'dark' | 'auto' }>} theme-changed - Bubbles up from <theme-toggle>.
 * @fires {CustomEvent<{ timeZone: string }>} time-zone-changed - Bubbles up from the calendar's time-zone switcher; the flow applies it.
 * @tag booking-flow
 *
 * @slot - Your own steps; the default flow is shown when empty.
 *
 * @csspart steps - The wrapper around the default steps. At start-up it stays hidden until the catalog and the preselected service's first week are in, or failed, for 400 ms at most: the first screen comes whole.
 * @csspart notice - The message about preselected ids (attributes) that the catalog does not know.
 * @csspart step-header - With `layout` steps: the header above the step (Back, where the visitor is, the chips).
 * @csspart back-button - With `layout` steps: Back, to the step before.
 * @csspart step-count - With `layout` steps: "Step 2 of 5".
 * @csspart step-name - With `layout` steps: the step's name.
 * @csspart chips - With `layout` steps: the list of the choices made so far.
 * @csspart chip - With `layout` steps: one choice made so far; it goes back to its step.
 * @csspart step-footer - With `layout` steps: below the step, around Next.
 * @csspart next-button - With `layout` steps: Next, once the step has its choice (Enter on a choice does the same).
 *
 * @cssprop [--booking-color-background] - Background of buttons and options.
 * @cssprop [--booking-color-surface] - Background of panels and days.
 * @cssprop [--booking-color-text] - Text colour.
 * @cssprop [--booking-color-text-muted] - Secondary text colour.
 * @cssprop [--booking-color-accent] - Accent for chosen items and primary actions.
 * @cssprop [--booking-color-accent-text] - Text on the accent colour.
 * @cssprop [--booking-color-border] - Borders of buttons and options.
 * @cssprop [--booking-color-danger] - Error text and borders.
 * @cssprop [--booking-color-focus-ring] - Keyboard focus outline.
 * @cssprop [--booking-radius=8px] - Corner radius.
 * @cssprop [--booking-font-family=inherit] - Font; the page's by default.
 * @cssprop [--booking-font-size=1rem] - Base font size.
 * @cssprop [--booking-type-scale=1.125] - Ratio of the type scale: headings are the base size times it (a step's title times it twice), details and counts divided by it.
 * @cssprop [--booking-spacing=8px] - Base spacing unit.
 */
export class BookingFlow extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  static override properties: PropertyDeclarations = {
    proxyUrl: { attribute: 'proxy-url', reflect: true },
    branch: { reflect: true },
    service: { reflect: true },
    staff: { reflect: true },
    locale: { reflect: true },
    timeZone: { attribute: 'time-zone', reflect: true },
    theme: { reflect: true },
    weekStartsOn: { attribute: 'week-starts-on', reflect: true },
    hourCycle: { attribute: 'hour-cycle', reflect: true },
    layout: { reflect: true },
    stepHistory: { attribute: 'step-history', type: Boolean },
    rescheduleUid: { attribute: 'reschedule-uid' },
    prefill: { type: Object },
    prefillFromUrl: { attribute: 'prefill-from-url', type: Boolean },
    strings: { attribute: false },
    client: { state: true },
    selection: { state: true },
    shown: { state: true },
    resolved: { state: true },
    hasOwnSteps: { state: true },
  };

  /** Where the booking proxy is mounted, e.g. `/booking-api`. Required. */
  proxyUrl = '';

  /** Preselected branch id. */
  branch?: string;

  /** Preselected service id. */
  service?: string;

  /** Preselected staff id. */
  staff?: string;

  /**
   * Locale for dates and times; defaults to the page's `lang`, then the browser's. A right-to-left language
   * (Arabic, Hebrew, Persian, Urdu, ...) sets `dir="rtl"` on the flow unless the page gave it a `dir`.
   */
  locale?: string;

  /** Time zone for shown times; defaults to the browser's. */
  timeZone?: string;

  /** Colour theme; `auto` follows the system. Without it the page's `color-scheme` applies. */
  theme?: Theme;

  /** First day of the week: `monday` ... `sunday`; defaults to the locale's. */
  weekStartsOn?: DayName;

  /** `h12` or `h23`; defaults to the locale's. */
  hourCycle?: 'h12' | 'h23';

  /**
   * `page` (the default) shows every step at once; `steps` one at a time, under a header with where the visitor is,
   * Back and the choices so far; `auto` shows steps when the flow is narrower than 40rem (its container, not the
   * viewport). Steps load as a chunk beside the bundle.
   */
  layout?: 'page' | 'steps' | 'auto';

  /** Opt-in, with `layout` steps or auto: each step is an entry in the browser's history, so its Back goes back a step. */
  stepHistory?: boolean;

  /**
   * Opens the flow on an existing booking to move or cancel it (the uid from its confirmation). Without the
   * attribute the page's `?reschedule=<uid>` parameter does the same; an empty attribute turns that off.
   */
  rescheduleUid?: string;

  /**
   * What the form starts with: `{ name, email, phone, notes, guests, location, answers: { slug: value }, readonly }`
   * (the attribute takes JSON). Fields stay editable unless listed in `readonly`.
   */
  prefill?: Prefill;

  /**
   * Opt-in: the page's query parameters fill the form as Cal.com's embed reads them (`name`, `email`, `phone`,
   * `notes`, `guests`, `location` and each question's slug), after `prefill`.
   */
  prefillFromUrl?: boolean;

  /** Replacements for any of the words of the flow's language, e.g. `{ confirm: 'Book now' }`. */
  strings?: Partial<BookingStrings>;

  private client?: AvailabilityClient;
  /** The catalog from the current client, as the steps see it. */
  readonly #catalog = new CatalogTask(this, () => this.client);
  private selection: Selection = EMPTY_SELECTION;
  /** The settings this flow resolved from its attributes and the page. */
  private resolved!: DisplaySettings;

  // The steps inside take these by context. Each update hands them the current values; unchanged ones notify nobody.
  readonly #provided = {
    client: new ContextProvider(this, { context: clientContext }),
    catalog: new ContextProvider(this, { context: catalogContext, initialValue: this.#catalog.state }),
    selection: new ContextProvider(this, { context: selectionContext, initialValue: this.selection }),
    settings: new ContextProvider(this, { context: settingsContext }),
  };

  private hasOwnSteps = false;

  /** The step-by-step layout, a chunk asked for when `layout` first wants it. */
  #steps?: Promise<unknown>;

  /** Where the steps register to take focus: the flow hands it on without knowing which elements they are. */
  readonly #focus = new FocusHandover();

  constructor() {
    super();
    for (const type of STEP_EVENTS)
      this.addEventListener(type, (e) => (this.selection = selectionAfter(this.selection, e)));
    new ContextProvider(this, { context: focusContext, initialValue: this.#focus });
    // On to the next step once a time is chosen: the summary and its form.
    this.addEventListener('slot-selected', () => void this.updateComplete.then(() => this.#focus.focus('summary')));
    this.addEventListener('theme-changed', (e) => (this.theme = e.detail.theme));
    this.addEventListener('time-zone-changed', (e) => (this.timeZone = e.detail.timeZone));
    this.addEventListener('booking-confirmed', (e) => {
      this.#refreshStaffWeeks(e.detail.booking.service, e.detail.booking.staff);
      this.#choose({ slot: null });
    });
    this.addEventListener('booking-failed', (e) => {
      if (e.detail.error.code !== 'slot_unavailable' || !this.selection.serviceId) return;
      // The time was taken meanwhile (the client reloads that week); back to the calendar to choose another time.
      this.#refreshStaffWeeks(this.selection.serviceId, this.selection.staffId);
      this.#choose({ slot: null });
      this.#focus.focus('calendar');
    });
  }

  /**
   * The client drops the booked service's weeks by itself; the flow, which knows the catalog, widens that to the
   * other services of the person booked, whose time is taken there too.
   */
  #refreshStaffWeeks(serviceId: string, staffId: string | null): void {
    const staff = this.#catalog.state.catalog?.staff.find((s) => s.id === staffId);
    for (const id of staff?.serviceIds ?? []) if (id !== serviceId) this.client?.invalidate({ serviceId: id });
  }

  /** The visitor's choices so far. */
  get currentSelection(): Readonly<Selection> {
    return this.selection;
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#connect();
    const catalogChanged = this.#catalog.refresh();
    const any = (...keys: PropertyKey[]) => keys.some((key) => changed.has(key));
    if (
      any(
        'locale',
        'timeZone',
        'weekStartsOn',
        'hourCycle',
        'theme',
        'strings',
        'rescheduleUid',
        'prefill',
        'prefillFromUrl',
      ) ||
      !this.resolved
    ) {
      this.resolved = resolveSettings(this, this);
      this.#followLocaleDirection();
    }
    if (this.layout && this.layout !== 'page' && !this.#steps)
      this.#steps = import('../../internal/step-layout.js').then(
        (chunk) =>
          new chunk.StepLayout(
            this,
            {
              selection: () => this.selection,
              catalog: () => this.#catalog.state.catalog,
              settings: () => this.resolved,
            },
            this.#focus,
          ),
      );
    if (any('branch', 'service', 'staff') || catalogChanged) {
      // Preselected ids apply once the catalog knows them; an unknown one is shown as a message, not used.
      this.selection = withPreselection(this.selection, this.#catalog.state.catalog, this);
    }
    const provided = this.#provided;
    provided.client.setValue(this.client);
    provided.catalog.setValue(this.#catalog.state);
    provided.selection.setValue(this.selection);
    provided.settings.setValue(this.resolved);
  }

  /** The proxy URL the current client was made for: a new URL, a new client (and cache). */
  #clientUrl = '';

  #connect(): void {
    if (this.proxyUrl === this.#clientUrl) return;
    this.#clientUrl = this.proxyUrl;
    this.client = this.proxyUrl ? new AvailabilityClient({ baseUrl: this.proxyUrl }) : undefined;
  }

  /**
   * With a preselected service, the week the loader will show first is asked for as soon as its first day is known,
   * before the first update asks for the catalog, not after the catalog confirms the ids: the loader's own request
   * then joins it in flight or finds it cached (issue 18).
   */
  #askFirstWeek({ timeZone, weekStartsOn, locale }: DisplaySettings): Promise<unknown> | undefined {
    if (!this.client || !this.service || this.rescheduleUid) return;
    return this.client.prefetch({
      serviceId: this.service,
      staffId: this.staff || null,
      weekStart: currentWeekStart(timeZone, weekStartsOn),
      timeZone,
      locale,
    });
  }

  /** Whether the flow's `dir` is its own (from a right-to-left locale) rather than the page's. */
  #ownDir = false;

  /**
   * A right-to-left language reads right to left on any page: the flow sets `dir="rtl"` on itself for one, and
   * takes it back when the locale changes. A `dir` the page put on the element wins.
   */
  #followLocaleDirection(): void {
    if (this.hasAttribute('dir') && !this.#ownDir) return;
    this.#ownDir = localeIsRtl(this.resolved.locale);
    if (this.#ownDir) this.setAttribute('dir', 'rtl');
    else this.removeAttribute('dir');
  }

  protected override get settings(): DisplaySettings {
    return this.resolved;
  }

  protected override stringsChanged(): void {
    this.resolved = resolveSettings(this, this);
  }

  #choose(patch: Partial<Selection>): void {
    this.selection = { ...this.selection, ...patch };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Known before the first render, so that default steps (a theme toggle among them) never flash in.
    this.hasOwnSteps = this.children.length > 0;
  }

  /**
   * The start-up comes in three tasks, none of them long (issue 18): the module's evaluation; the settings, which
   * hold ICU's first load (tens of ms), and the first week's request, which needs them for its first day (Chromium
   * hands requests to the network when a task ends); then the first update, which asks for the catalog. The steps
   * come with the answers (see `shown`).
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) {
      await sleep(0);
      this.#connect();
      // willUpdate resolves the settings again, then at no cost, and follows their direction.
      this.#firstWeek = this.#askFirstWeek(resolveSettings(this, this));
      await sleep(0);
    }
    await super.scheduleUpdate();
  }

  /**
   * How many of the default steps are in the (hidden) wrapper: none in the first update; the theme toggle, which
   * waits for no answer, in a task of its own while the answers are on their way, so that its first render costs
   * the first paint nothing; all of them, shown, once the first screen can be whole: the catalog and, with a
   * preselected service, its first week are in (or failed: that is for the steps to show, as they ask), or HOLD_MS
   * passed, when the steps show their loading states. A loading state on screen for a moment would cost a layout of
   * the steps that the calendar then waits for, and loading states rendered out of sight (as the steps were until
   * 2026-12-06) cost the start-up a render of each step that the answers then replace: about 8 ms of the first
   * paint (issue 18).
   */
  private shown = 0;

  /** The first week's request, sent before the first update. */
  #firstWeek?: Promise<unknown>;

  /**
   * The default steps, made once, in the first update: what their constructors do (the theme toggle reads the
   * remembered theme from storage, a few ms at a page's first read) then costs the first paint nothing (issue 18).
   */
  #defaultSteps?: HTMLElement[];

  protected override firstUpdated(): void {
    void sleep(0).then(() => {
      this.shown ||= 1;
      // ICU loads a locale's date and number data with its first formatter of each kind (ms each): loaded now,
      // while the answers are on their way, the steps' own formatters then cost the first paint a fraction of that.
      dateFormat(this.resolved.locale, {});
      numberFormat(this.resolved.locale, {});
    });
    void Promise.race([Promise.allSettled([this.client?.getCatalog(), this.#firstWeek]), sleep(HOLD_MS)]).then(
      () => (this.shown = DEFAULT_STEPS.length),
    );
  }

  #onSlotChange(event: Event): void {
    this.hasOwnSteps = (event.target as HTMLSlotElement).assignedElements().length > 0;
  }

  protected override render() {
    const t = this.settings.strings;
    const unknown = unknownPreselection(this.#catalog.state.catalog, this, t);
    return html`
      ${unknown.length ? html`<p class="notice" part="notice" role="alert">${t.unknownPreselection(unknown)}</p>` : nothing}
      <slot @slotchange=${this.#onSlotChange}></slot>
      ${
        this.hasOwnSteps
          ? nothing
          : html`
              <div
                class="steps"
                part="steps"
                role="region"
                aria-label=${t.bookingRegion}
                ?hidden=${this.shown < DEFAULT_STEPS.length}
              >
                ${(this.#defaultSteps ??= DEFAULT_STEPS.map((tag) => document.createElement(tag))).slice(0, this.shown)}
              </div>
            `
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'booking-flow': BookingFlow;
  }
}
