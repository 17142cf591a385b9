import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Selection } from './contexts.js';

/** The step events, in the order of the steps, with the part of the selection each one sets. */
const STEPS = {
  'branch-selected': 'branchId',
  'service-selected': 'serviceId',
  'staff-selected': 'staffId',
  'slot-selected': 'slot',
} as const;
export type StepEvent = keyof typeof STEPS;
export const STEP_EVENTS = Object.keys(STEPS) as StepEvent[];

/** Nothing chosen yet. */
export const EMPTY_SELECTION: Selection = { branchId: null, serviceId: null, staffId: null, slot: null };

/** The selection after a step event: the step's choice, and the later steps cleared (they depend on it). */
export function selectionAfter(selection: Selection, event: CustomEvent): Selection {
  const key = STEPS[event.type as StepEvent];
  const later = Object.values(STEPS).slice(Object.values(STEPS).indexOf(key) + 1);
  return { ...selection, ...Object.fromEntries(later.map((k) => [k, null])), [key]: (event.detail as Selection)[key] };
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
    this.value = selectionAfter(this.value, event as CustomEvent);
    this.#host.requestUpdate();
  };
}
