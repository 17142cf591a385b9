import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('booking-flow:context-root');

/**
 * Makes definition order not matter: a step defined (or upgraded) before the <booking-flow> around it asks for
 * context before anyone provides it; the root keeps those requests and hands them to the flow once it is
 * defined. One root per page, whichever copy of the widget attaches it.
 */
export function attachContextRoot(): void {
  const page = globalThis as { [ATTACHED]?: boolean };
  if (page[ATTACHED] || typeof document === 'undefined') return;
  page[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
