import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AvailabilityClient } from '../../api/availability-client.js';
import { BookingApiError } from '../../api/errors.js';
import { DAY_NAMES, type WeekdayIndex } from '../../model/dates.js';
import { BookingElement } from '../../internal/booking-element.js';
import {
  catalogContext,
  clientContext,
  selectionContext,
  settingsContext,
  type CatalogState,
  type DisplaySettings,
  type Selection,
} from '../../internal/contexts.js';
import type { Theme } from '../../internal/events.js';
import { localeWeekStart } from '../../internal/settings.js';
import { styles } from './booking-flow.styles.js';

const EMPTY_SELECTION: Selection = { branchId: null, serviceId: null, staffId: null, slot: null };

/**
 * One booking, from service to time. It talks to the proxy at `proxy-url`, keeps what the visitor chose and
 * shares both with the steps inside it. With no children it shows the default steps; with children it uses
 * those, so a page can leave out or reorder steps.
 *
 * @summary The whole booking flow, or the frame around the steps you compose.
 * @tag booking-flow
 *
 * @slot - Your own steps; the default flow is shown when empty.
 *
 * @csspart steps - The wrapper around the default steps.
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
 * @cssprop [--booking-spacing=8px] - Base spacing unit.
 */
export class BookingFlow extends BookingElement {
  static override styles = [BookingElement.sharedStyles, styles];

  /** Where the booking proxy is mounted, e.g. `/booking-api`. Required. */
  @property({ attribute: 'proxy-url', reflect: true }) proxyUrl = '';

  /** Preselected branch id. */
  @property({ reflect: true }) branch?: string;

  /** Preselected service id. */
  @property({ reflect: true }) service?: string;

  /** Preselected staff id. */
  @property({ reflect: true }) staff?: string;

  /** Locale for dates and times; defaults to the page's `lang`, then the browser's. */
  @property({ reflect: true }) locale?: string;

  /** Time zone for shown times; defaults to the browser's. */
  @property({ attribute: 'time-zone', reflect: true }) timeZone?: string;

  /** Colour theme; `auto` follows the system. Without it the page's `color-scheme` applies. */
  @property({ reflect: true }) theme?: Theme;

  /** First day of the week: `monday` ... `sunday`; defaults to the locale's. */
  @property({ attribute: 'week-starts-on', reflect: true }) weekStartsOn?: string;

  /** `h12` or `h23`; defaults to the locale's. */
  @property({ attribute: 'hour-cycle', reflect: true }) hourCycle?: 'h12' | 'h23';

  @provide({ context: clientContext }) @state() private client?: AvailabilityClient;
  @provide({ context: catalogContext }) @state() private catalogState: CatalogState = { status: 'loading' };
  @provide({ context: selectionContext }) @state() private selection: Selection = EMPTY_SELECTION;
  @provide({ context: settingsContext }) @state() private settings!: DisplaySettings;

  @state() private hasOwnSteps = false;

  private readonly catalogTask = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) throw new BookingApiError('network', 'Set the proxy-url attribute on <booking-flow>.', 'no_proxy_url');
      this.catalogState = { status: 'loading' };
      return client.getCatalog(signal);
    },
    args: () => [this.client] as const,
    onComplete: (catalog) => {
      this.catalogState = { status: 'ready', catalog };
    },
    onError: (error) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      this.catalogState = {
        status: 'error',
        error: error instanceof BookingApiError ? error.message : 'Please try again.',
        retry: () => void this.catalogTask.run(),
      };
    },
  });

  constructor() {
    super();
    this.addEventListener('branch-selected', (e) => this.choose({ branchId: e.detail.branchId, serviceId: null, staffId: null, slot: null }));
    this.addEventListener('service-selected', (e) => this.choose({ serviceId: e.detail.serviceId, staffId: null, slot: null }));
    this.addEventListener('staff-selected', (e) => this.choose({ staffId: e.detail.staffId, slot: null }));
    this.addEventListener('slot-selected', (e) => this.choose({ slot: e.detail.slot }));
  }

  /** The visitor's choices so far. */
  get currentSelection(): Readonly<Selection> {
    return this.selection;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('proxyUrl')) {
      this.client = this.proxyUrl ? new AvailabilityClient({ baseUrl: this.proxyUrl }) : undefined;
    }
    if (changed.has('locale') || changed.has('timeZone') || changed.has('weekStartsOn') || changed.has('hourCycle') || !this.settings) {
      this.settings = this.resolveSettings();
    }
    if (changed.has('branch') || changed.has('service') || changed.has('staff')) {
      this.selection = {
        ...this.selection,
        branchId: this.branch ?? this.selection.branchId,
        serviceId: this.service ?? this.selection.serviceId,
        staffId: this.staff ?? this.selection.staffId,
      };
    }
  }

  private resolveSettings(): DisplaySettings {
    const locale = this.locale || this.closest('[lang]')?.getAttribute('lang') || navigator.language || 'en';
    const named = DAY_NAMES.indexOf(this.weekStartsOn?.toLowerCase() as (typeof DAY_NAMES)[number]);
    return {
      locale,
      timeZone: this.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone,
      weekStartsOn: named >= 0 ? (named as WeekdayIndex) : localeWeekStart(locale),
      hourCycle: this.hourCycle,
    };
  }

  private choose(patch: Partial<Selection>): void {
    this.selection = { ...this.selection, ...patch };
  }

  private onSlotChange(event: Event): void {
    this.hasOwnSteps = (event.target as HTMLSlotElement).assignedElements().length > 0;
  }

  protected override render() {
    return html`
      <slot @slotchange=${this.onSlotChange}></slot>
      ${this.hasOwnSteps
        ? nothing
        : html`
            <div class="steps" part="steps">
              <service-selector></service-selector>
              <staff-selector></staff-selector>
              <availability-loader></availability-loader>
            </div>
          `}
    `;
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'booking-flow': BookingFlow;
  }
}
