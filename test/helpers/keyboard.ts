import { executeServerCommand } from '@web/test-runner-commands';

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

type Keys = { press: string } | { type: string } | { down: string } | { up: string };

/** Real key events from the browser's driver, alike in Chromium, Firefox and WebKit (scripts/wtr/keys-plugin.mjs). */
const keys = (payload: Keys) => executeServerCommand('keys', payload);

export async function press(key: string, times = 1) {
  for (let i = 0; i < times; i++) await keys({ press: key });
}

/** Types `text` into the focused element, key by key. */
export const typeText = (text: string) => keys({ type: text });

/** Holds `key` (Shift, say) down while `during` runs. */
export async function holding(key: string, during: () => Promise<void>) {
  await keys({ down: key });
  try {
    await during();
  } finally {
    await keys({ up: key });
  }
}

/** Tabs forward until `predicate` holds for the focused element (at most 40 presses). */
export async function tabTo(predicate: (el: Element) => boolean, what: string) {
  for (let i = 0; i < 40; i++) {
    await press('Tab');
    const el = focused();
    if (el && predicate(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}
