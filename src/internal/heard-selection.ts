import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Selection } from './contexts.js';

/**
 * For an element used without a <booking-flow> around it: follows the step events on the page (its root node)
 * and keeps the selection they add up to, resetting later choices as the flow does.
 */
export class HeardSelection implements ReactiveController {
  value: Selection = { branchId: null, serviceId: null, staffId: null, slot: null };
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
    for (const type of ['branch-selected', 'service-selected', 'staff-selected', 'slot-selected'] as const) {
      this.#root.addEventListener(type, this.#onEvent);
    }
  }

  hostDisconnected(): void {
    for (const type of ['branch-selected', 'service-selected', 'staff-selected', 'slot-selected'] as const) {
      this.#root?.removeEventListener(type, this.#onEvent);
    }
    this.#root = undefined;
  }

  readonly #onEvent = (event: Event): void => {
    const e = event as CustomEvent;
    const v = this.value;
    switch (event.type) {
      case 'branch-selected':
        this.value = { branchId: (e.detail as { branchId: string }).branchId, serviceId: null, staffId: null, slot: null };
        break;
      case 'service-selected':
        this.value = { ...v, serviceId: (e.detail as { serviceId: string }).serviceId, staffId: null, slot: null };
        break;
      case 'staff-selected':
        this.value = { ...v, staffId: (e.detail as { staffId: string | null }).staffId, slot: null };
        break;
      case 'slot-selected':
        this.value = { ...v, slot: (e.detail as { slot: Selection['slot'] }).slot };
        break;
    }
    this.#host.requestUpdate();
  };
}
