import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Selection } from './contexts.js';

const AFTER_SERVICE = { staffId: null, durationMinutes: null, slot: null };
const AFTER_BRANCH = { serviceId: null, ...AFTER_SERVICE };

/**
 * What each step event chooses, in the order of the steps: the selection flows one way, from these events (or a
 * flow's context) down to the steps, and each event says explicitly which part it sets.
 */
const STEPS = {
  'branch-selected': (e: HTMLElementEventMap['branch-selected']): Partial<Selection> => ({
    branchId: e.detail.branchId,
    ...AFTER_BRANCH,
  }),
  'service-selected': (e: HTMLElementEventMap['service-selected']): Partial<Selection> => ({
    serviceId: e.detail.serviceId,
    ...AFTER_SERVICE,
  }),
  'staff-selected': (e: HTMLElementEventMap['staff-selected']): Partial<Selection> => ({
    staffId: e.detail.staffId,
    slot: null,
  }),
  'duration-selected': (e: HTMLElementEventMap['duration-selected']): Partial<Selection> => ({
    durationMinutes: e.detail.durationMinutes,
    slot: null,
  }),
  'slot-selected': (e: HTMLElementEventMap['slot-selected']): Partial<Selection> => ({ slot: e.detail.slot }),
};
export type StepEvent = keyof typeof STEPS;
export const STEP_EVENTS = Object.keys(STEPS) as StepEvent[];

/** Nothing chosen yet. */
export const EMPTY_SELECTION: Selection = {
  branchId: null,
  serviceId: null,
  staffId: null,
  durationMinutes: null,
  slot: null,
};

/** The selection after a step event: the step's choice, and the later steps, which depend on it, cleared. */
export function selectionAfter(selection: Selection, event: Event): Selection {
  return { ...selection, ...(STEPS[event.type as StepEvent] as (e: Event) => Partial<Selection>)(event) };
}

/**
 * For an element used without a <booking-flow> around it: follows the step events on the page (its root node)
 * and keeps the selection they add up to, as the flow does.
 */
export class HeardSelection implements ReactiveController {
  value = EMPTY_SELECTION;
  #root?: Node;
  readonly #host: ReactiveControllerHost & Element;
  /** Whether to listen at all: false when a <booking-flow> provides the selection. */
  readonly #active: () => boolean;

  constructor(host: ReactiveControllerHost & Element, active: () => boolean) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#active()) return;
    this.#root = this.#host.getRootNode();
    for (const type of STEP_EVENTS) this.#root.addEventListener(type, this.#onEvent);
  }

  hostDisconnected(): void {
    for (const type of STEP_EVENTS) this.#root?.removeEventListener(type, this.#onEvent);
    this.#root = undefined;
  }

  readonly #onEvent = (event: Event): void => {
    this.value = selectionAfter(this.value, event);
    this.#host.requestUpdate();
  };
}
