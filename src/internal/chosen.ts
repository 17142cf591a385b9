import type { ReactiveControllerHost } from 'lit';
import { consumer, selectionContext, type Selection } from './contexts.js';
import { HeardSelection } from './selection.js';

/**
 * The selection an element works from, with one precedence in every element:
 * 1. the element's own attributes (`branch` on service-selector, `service` on staff-selector, `service` and `staff`
 *    on availability-loader), when set;
 * 2. the selection of the <booking-flow> around it, by context;
 * 3. without a flow, what the page's step events said (HeardSelection).
 * Data flows one way: down from the flow (or the page's events), never read back from other elements.
 */
export class ChosenSelection {
  readonly #flow;
  readonly #heard;

  readonly #own: () => Partial<Selection>;

  constructor(host: ReactiveControllerHost & HTMLElement, own: () => Partial<Selection> = () => ({})) {
    this.#own = own;
    this.#flow = consumer(host, selectionContext);
    this.#heard = new HeardSelection(host, () => !this.#flow.value);
  }

  /** Whether a <booking-flow> provides the selection. */
  get inFlow(): boolean {
    return this.#flow.value !== undefined;
  }

  get value(): Selection {
    const value = { ...(this.#flow.value ?? this.#heard.value) };
    for (const [key, own] of Object.entries(this.#own()) as [keyof Selection, never][])
      if (own !== undefined) value[key] = own;
    return value;
  }
}
