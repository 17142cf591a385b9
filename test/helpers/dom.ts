import './lit-warnings.js';
import { oneEvent, waitUntil } from '@open-wc/testing';

/** Finds an element inside nested shadow roots: query(host, 'a', 'b') is host.shadowRoot.a.shadowRoot.b. */
export function deep<T extends Element = HTMLElement>(host: Element, ...selectors: string[]): T {
  let current: Element = host;
  for (const selector of selectors) {
    const next = (current.shadowRoot ?? current).querySelector(selector);
    if (!next) throw new Error(`No ${selector} inside ${current.localName}`);
    current = next;
  }
  return current as T;
}

export function deepAll<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot ?? host).querySelectorAll<T>(selector)];
}

/**
 * Waits for `predicate`. One that throws (a query into a shadow tree not rendered yet: the flow renders its steps
 * a task after its own first update) has not come true yet; on timeout, its last error is in the message.
 */
export async function until(predicate: () => boolean, message: string): Promise<void> {
  let last: unknown;
  const holds = () => {
    try {
      return predicate();
    } catch (error) {
      last = error;
      return false;
    }
  };
  await waitUntil(holds, message, { timeout: 3000 }).catch((timedOut: Error) => {
    throw last instanceof Error ? new Error(`${message} (last: ${last.message})`) : timedOut;
  });
}

/** The visible text of an element and its shadow tree, squeezed. */
export function text(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLStyleElement || (node instanceof Element && node.hasAttribute('hidden'))) return;
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes();
      (assigned.length ? assigned : [...node.childNodes]).forEach(walk);
      return;
    }
    if (node instanceof Element && node.shadowRoot) {
      node.shadowRoot.childNodes.forEach(walk);
      return;
    }
    node.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The next `type` event on `target`, typed from HTMLElementEventMap. */
export function nextEvent<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
): Promise<HTMLElementEventMap[K]> {
  return oneEvent<HTMLElementEventMap[K]>(target, type);
}
