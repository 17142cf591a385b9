import { fixture, html } from '@open-wc/testing';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { deep, deepAll, until } from './dom.js';

export const summaryOf = (el: BookingFlow) => deep(el, 'booking-summary');

/**
 * One of a flow's default steps, once shown: the flow shows them when the catalog and the first week are in, or
 * failed, or after a moment (issue 18). Its theme toggle is there before, out of sight.
 */
export async function stepOf<T extends HTMLElement = HTMLElement>(el: BookingFlow, tag: string): Promise<T> {
  await until(() => deepAll(el, tag).length === 1 && !deep(el, '[part="steps"]').hidden, `the flow's ${tag} shown`);
  return deep<T>(el, tag);
}

export const slotButtons = (el: BookingFlow) =>
  deepAll<HTMLButtonElement>(deep(el, 'availability-loader', 'hourly-calendar'), 'button.slot');

/** A flow on the mock proxy with Berlin, Anna's haircut preselected, once its week (four times) is shown. */
export async function annasHaircut(theme = 'light'): Promise<BookingFlow> {
  const el = await fixture<BookingFlow>(html`
    <booking-flow
      proxy-url="/api"
      time-zone="Europe/Berlin"
      locale="en-GB"
      theme=${theme}
      branch="berlin"
      service="haircut"
      staff="anna"
    ></booking-flow>
  `);
  await until(() => slotButtons(el).length === 4, 'week shown');
  return el;
}
