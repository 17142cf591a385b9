import type { Prefill } from '../public/prefill.js';
import { ContextConsumer, createContext, type Context, type ContextType } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { AvailabilityClient } from '../api/availability-client.js';
import type { Catalog } from '../api/schemas.js';
import type { WeekdayIndex } from '../model/dates.js';
import type { Slot, WeekAvailability } from '../model/week.js';
import type { ErrorDetail, Theme } from '../public/events.js';
import type { BookingStrings } from '../public/strings.js';

// Symbol keys: two widgets (or two versions of one) on a page never answer each other's requests. (No descriptions:
// they would only cost bundle bytes.)

export const clientContext = createContext<AvailabilityClient | undefined>(Symbol());

export interface CatalogState {
  status: 'loading' | 'ready' | 'error';
  catalog?: Catalog;
  error?: ErrorDetail;
  /** The error behind `error`, to tell one failure from the next. */
  cause?: unknown;
  retry?: () => void;
}
export const catalogContext = createContext<CatalogState | undefined>(Symbol());

/** What the visitor has chosen so far. Changing a step clears the steps after it. */
export interface Selection {
  branchId: string | null;
  serviceId: string | null;
  /** null is "any available". */
  staffId: string | null;
  /** A length the visitor chose for a service with several; null is the service's own. */
  durationMinutes: number | null;
  slot: Slot | null;
}
export const selectionContext = createContext<Selection | undefined>(Symbol());

/** How dates and times are shown: resolved once by <booking-flow> from its attributes and the page. */
export interface DisplaySettings {
  locale: string;
  timeZone: string;
  weekStartsOn: WeekdayIndex;
  hourCycle?: 'h12' | 'h23';
  /** The words to show, for the locale and with the author's replacements. */
  strings: BookingStrings;
  /** The flow's colour theme, for <theme-toggle> to show. */
  theme?: Theme;
  /** The booking to change: the flow's `reschedule-uid`, else the page's `?reschedule=`. */
  rescheduleUid?: string;
  /** The flow's `prefill`: what the form starts with. */
  prefill?: Prefill;
  /** The flow's `prefill-from-url`: the page's query parameters fill the form too (opt-in). */
  prefillFromUrl?: boolean;
}
export const settingsContext = createContext<DisplaySettings | undefined>(Symbol());

/** The week an <availability-loader> has loaded, for the calendar inside it. */
export const availabilityContext = createContext<WeekAvailability | undefined>(Symbol());

/**
 * Follows a context from the nearest provider above `host`: `.value` is the latest, and each change re-renders
 * `host`. Definition order does not matter: an element that asked before <booking-flow> was defined (nobody could
 * answer then) asks again once it is.
 */
export function consumer<C extends Context<unknown, unknown>>(
  host: ReactiveControllerHost & HTMLElement,
  context: C,
  callback?: (value: ContextType<C>) => void,
): ContextConsumer<C, ReactiveControllerHost & HTMLElement> {
  const follower = new ContextConsumer(host, { context, subscribe: true, callback });
  if (!customElements.get('booking-flow')) {
    void customElements.whenDefined('booking-flow').then(() => {
      if (!host.isConnected || follower.value !== undefined) return;
      follower.hostDisconnected();
      follower.hostConnected();
    });
  }
  return follower;
}
