import { html, nothing, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Catalog } from '../api/schemas.js';
import type { DisplaySettings, Selection } from './contexts.js';
import type { FocusHandover, FocusStep } from './focus-handover.js';
import { clockFormat } from '../model/format.js';
import { stepsEn, type StepStrings } from './step-strings.js';
import type { BookingStrings } from '../public/strings.js';
import { styles } from './step-layout.styles.js';
import { dateFormat } from '../model/intl.js';

/** The <booking-flow> it lays out: a Lit element whose shadow root holds its steps (or the slot for its own). */
export type LayoutHost = ReactiveControllerHost &
  HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; stepHistory?: boolean };

/** What the flow shares with the layout. */
export interface LayoutAccess {
  selection(): Selection;
  catalog(): Catalog | undefined;
  settings(): DisplaySettings;
}

type StepName = 'location' | 'service' | 'staff' | 'time' | 'details';

/** The step each element is, in the order of the flow. */
const STEP_OF: Record<string, StepName> = {
  'branch-selector': 'location',
  'service-selector': 'service',
  'staff-selector': 'staff',
  'availability-loader': 'time',
  'booking-summary': 'details',
};

/** Where the flow hands focus, as a step. */
const STEP_FOR_FOCUS: Record<FocusStep, StepName> = { calendar: 'time', times: 'time', summary: 'details' };

/** The key of this layout's entries in the browser's history (opt-in). */
const HISTORY_KEY = 'bookingFlowStep';

interface Step {
  name: StepName;
  element: Element;
}

/**
 * The step-by-step layout (issue 19), loaded beside the bundle when a flow's `layout` is `steps` or `auto`: one step
 * at a time under a header that says where the visitor is, with Back and the choices so far as chips that go back to
 * their step. A choice made with the pointer moves on by itself; one made with the arrow keys waits for Next (or
 * Enter), so that a keyboard can walk a radio group. With `auto`, CSS shows it only in a narrow container; the
 * state is kept either way, so a container that narrows shows the step the visitor is at.
 */
export class StepLayout implements ReactiveController {
  readonly #header = document.createElement('div');
  readonly #footer = document.createElement('div');
  /** The step the visitor went to (Back, Next, a chip, a choice); none: the first step still to do. */
  #at?: StepName;
  /** The service whose staff step was passed on "any available" (Next, or that option chosen). */
  #anyStaffFor?: string | null;
  /**
   * The step gone to stays in view though an earlier one is still to do: a confirmation just shown, or a booking
   * opened to change (its panel is the summary's), until the visitor moves on.
   */
  #pinned = false;
  /** The last key was an arrow: a radio group's choice, which waits for Next. */
  #arrowed = false;
  #steps: Step[] = [];
  #current = 0;

  constructor(
    private readonly host: LayoutHost,
    private readonly access: LayoutAccess,
    focus: FocusHandover,
  ) {
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    this.#header.className = 'step-header';
    this.#header.setAttribute('part', 'step-header');
    this.#footer.className = 'step-footer';
    this.#footer.setAttribute('part', 'step-footer');
    // The flow moving on (a time chosen: the form; a time taken: the week) shows that step before it takes focus.
    focus.reveal = (step) => this.#go(STEP_FOR_FOCUS[step]);
    host.addEventListener('keydown', this.#onKey);
    host.addEventListener('pointerdown', () => (this.#arrowed = false));
    for (const type of ['branch-selected', 'service-selected', 'staff-selected', 'duration-selected'])
      host.addEventListener(type, this.#onChoice);
    host.addEventListener('booking-confirmed', () => this.#pin());
    if (access.settings().rescheduleUid) this.#pin();
    host.addController(this);
    host.requestUpdate();
  }

  /** Stays at the summary: a confirmation, or a booking to change, is there. */
  #pin(): void {
    this.#pinned = true;
    this.#at = 'details';
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPopState);
  }

  hostUpdated(): void {
    this.#apply();
  }

  /** Whether the layout shows now: `steps`, or `auto` in a narrow container (CSS decides). */
  get #shown(): boolean {
    return this.#header.isConnected && getComputedStyle(this.#header).display !== 'none';
  }

  #done(name: StepName): boolean {
    const { branchId, serviceId, staffId, slot } = this.access.selection();
    if (name === 'location') return branchId !== null;
    if (name === 'service') return serviceId !== null;
    if (name === 'staff') return staffId !== null || (serviceId !== null && this.#anyStaffFor === serviceId);
    return name === 'time' && slot !== null;
  }

  /** The flow's steps as shown: its default ones or its own (slotted), the location only when there are branches. */
  #findSteps(): Step[] {
    const root = this.host.renderRoot;
    const elements = [
      ...(root.querySelector('.steps')?.children ?? root.querySelector('slot')?.assignedElements() ?? []),
    ];
    const noBranches = this.access.catalog()?.branches.length === 0;
    return elements.flatMap((element) => {
      const name = STEP_OF[element.localName];
      return name && !(name === 'location' && noBranches) ? [{ name, element }] : [];
    });
  }

  /** Shows the current step (the one gone to, never past the first still to do) and the header above it. */
  #apply(): void {
    const steps = (this.#steps = this.#findSteps());
    const open = steps.findIndex((step) => !this.#done(step.name));
    const firstOpen = open === -1 ? steps.length - 1 : open;
    const at = steps.findIndex((step) => step.name === this.#at);
    this.#current = at === -1 ? firstOpen : this.#pinned ? at : Math.min(at, firstOpen);
    steps.forEach((step, i) => step.element.setAttribute('data-step', i === this.#current ? 'current' : 'other'));
    this.#place();
    this.#renderHeader();
  }

  /** The header and footer go around the steps: inside the default steps' wrapper, or around the slot. */
  #place(): void {
    const root = this.host.renderRoot;
    const wrapper = root.querySelector('.steps');
    const slot = root.querySelector('slot');
    if (wrapper) {
      if (this.#header.parentNode !== wrapper) wrapper.prepend(this.#header);
      // Steps shown after the footer came (the flow shows them once its answers are in) go at the wrapper's end
      // where nothing of Lit's follows them (a minified template, as in dist/): the footer goes back below them.
      if (wrapper.lastChild !== this.#footer) wrapper.append(this.#footer);
    } else if (slot && this.#header.nextSibling !== slot) {
      slot.before(this.#header);
      slot.after(this.#footer);
    }
  }

  #renderHeader(): void {
    const settings = this.access.settings();
    const t = { ...stepsEn, ...settings.strings };
    const steps = this.#steps;
    const i = this.#current;
    const name = (step: Step) => this.#stepName(step.name, t);
    const chips = steps.flatMap((step, index) => {
      const label = index !== i && this.#done(step.name) && this.#choiceLabel(step.name, settings);
      return label ? [{ step, label }] : [];
    });
    const step = steps[i];
    render(
      step
        ? html`
            <nav aria-label=${t.bookingSteps}>
              ${
                i > 0
                  ? html`<button class="button back" part="back-button" @click=${() => this.#move(steps[i - 1]?.name)}>
                      ${t.back}
                    </button>`
                  : nothing
              }
              <h2 class="step-title" tabindex="-1">
                <span class="step-count" part="step-count">${t.stepOf(i + 1, steps.length)}</span>
                <span part="step-name">${name(step)}</span>
              </h2>
              ${
                chips.length
                  ? html`<ul class="chips" part="chips">
                      ${chips.map(
                        (chip) =>
                          html`<li>
                            <button class="chip" part="chip" @click=${() => this.#move(chip.step.name)}>
                              <span class="visually-hidden">${t.changeStep(name(chip.step))}</span>
                              <bdi>${chip.label}</bdi>
                            </button>
                          </li>`,
                      )}
                    </ul>`
                  : nothing
              }
            </nav>
          `
        : nothing,
      this.#header,
    );
    render(
      // Staff may pass on "any available", the choice it starts with.
      step && i < steps.length - 1 && (this.#done(step.name) || step.name === 'staff')
        ? html`<button class="button primary" part="next-button" @click=${() => this.#next()}>${t.next}</button>`
        : nothing,
      this.#footer,
    );
  }

  #stepName(name: StepName, t: BookingStrings & StepStrings): string {
    return {
      location: t.locationLegend,
      service: t.serviceLegend,
      staff: t.staffLegend,
      time: t.time,
      details: t.detailsStep,
    }[name];
  }

  /** What the visitor chose at a step, as its chip says it. */
  #choiceLabel(name: StepName, { locale, timeZone, hourCycle, strings: t }: DisplaySettings): string | undefined {
    const { branchId, serviceId, staffId, slot } = this.access.selection();
    const catalog = this.access.catalog();
    if (name === 'location') return catalog?.branches.find((b) => b.id === branchId)?.name;
    if (name === 'service') return catalog?.services.find((s) => s.id === serviceId)?.name;
    if (name === 'staff') return catalog?.staff.find((s) => s.id === staffId)?.name ?? t.anyStaff;
    if (name !== 'time' || !slot) return undefined;
    const start = new Date(slot.fullDatetime);
    const day = dateFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone });
    return `${day.format(start)}, ${clockFormat(locale, timeZone, hourCycle).format(start)}`;
  }

  /** Next: passing the staff step leaves "any available" chosen. */
  #next(): void {
    const step = this.#steps[this.#current];
    if (step?.name === 'staff') this.#anyStaffFor = this.access.selection().serviceId;
    this.#move(this.#steps[this.#current + 1]?.name);
  }

  /** The visitor goes to a step: it shows and its heading takes focus. */
  #move(name: StepName | undefined): void {
    if (!name) return;
    this.#go(name);
    this.#focusTitle();
  }

  #focusTitle(): void {
    this.#header.querySelector<HTMLElement>('h2')?.focus();
  }

  /**
   * Shows a step; when that changes what is shown, the browser's Back returns to the step before (opted in), unless
   * the step comes from the history itself (`remember` false).
   */
  #go(name: StepName, remember = true): void {
    const before = this.#steps[this.#current]?.name;
    this.#pinned = false;
    this.#at = name;
    this.#apply();
    const after = this.#steps[this.#current]?.name;
    if (!remember || !this.host.stepHistory || !this.#shown || after === before) return;
    const state = history.state as Record<string, unknown> | null;
    // The entry the visitor leaves says the step it showed (the first such entry had none; a reload keeps an old one).
    if (state?.[HISTORY_KEY] !== before) history.replaceState({ ...state, [HISTORY_KEY]: before }, '');
    history.pushState({ [HISTORY_KEY]: after }, '');
  }

  readonly #onPopState = (event: PopStateEvent): void => {
    const name = (event.state as Record<string, StepName | undefined> | null)?.[HISTORY_KEY];
    if (!this.host.stepHistory || !name) return;
    this.#go(name, false);
    if (this.#shown) this.#focusTitle();
  };

  /**
   * A choice keeps the visitor at its step; it moves on to the next, unless it was made with the arrow keys or the
   * step asks more (a service's length).
   */
  readonly #onChoice = (event: Event): void => {
    const step = this.#steps[this.#current];
    if (!step || !event.composedPath().includes(step.element)) return;
    this.#at = step.name;
    if (event.type === 'staff-selected') this.#anyStaffFor = this.access.selection().serviceId;
    const service = event.type === 'service-selected' && (event as HTMLElementEventMap['service-selected']).detail;
    if (this.#arrowed || (service && (service.service.durations?.length ?? 0) > 1)) return;
    const next = this.#steps[this.#current + 1]?.name;
    // The flow applies the choice in its next update; the next step is shown after it.
    void this.host.updateComplete.then(() => this.#move(next));
  };

  /** Enter on a radio of the current step: Next. */
  readonly #onKey = (event: KeyboardEvent): void => {
    this.#arrowed = event.key.startsWith('Arrow');
    const target = event.composedPath()[0];
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || target.type !== 'radio') return;
    const step = this.#steps[this.#current];
    if (step && event.composedPath().includes(step.element) && this.#footer.querySelector('button')) this.#next();
  };
}
