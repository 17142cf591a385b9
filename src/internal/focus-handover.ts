import { createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consumer } from './contexts.js';

/** The places focus is handed to: the week of times (the loader), the time inside it (the calendar), the summary. */
export type FocusStep = 'calendar' | 'times' | 'summary';

/**
 * Where steps register how to take focus, and where a flow (or a loader, for its calendar) hands it over: no
 * element queries another or calls its methods, and a step that is left out simply does not take focus.
 */
export class FocusHandover {
  readonly #steps = new Map<FocusStep, () => boolean>();
  /** Shows a step before it takes focus: set by a layout that hides all steps but one. */
  reveal?: (step: FocusStep) => void;

  register(step: FocusStep, focus: () => boolean): () => void {
    this.#steps.set(step, focus);
    return () => {
      if (this.#steps.get(step) === focus) this.#steps.delete(step);
    };
  }

  /** Moves focus to the step; false when no such step is registered or it could not take focus. */
  focus(step: FocusStep): boolean {
    this.reveal?.(step);
    return this.#steps.get(step)?.() ?? false;
  }
}

export const focusContext = createContext<FocusHandover | undefined>(Symbol());

/** Registers the host as `step` with the nearest FocusHandover above it, for as long as it is connected. */
export class FocusTarget implements ReactiveController {
  #unregister?: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, step: FocusStep, focus: () => boolean) {
    host.addController(this);
    consumer(host, focusContext, (handover) => {
      this.#unregister?.();
      this.#unregister = handover?.register(step, focus);
    });
  }

  hostDisconnected(): void {
    this.#unregister?.();
    this.#unregister = undefined;
  }
}
