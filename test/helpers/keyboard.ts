import { sendKeys } from '@web/test-runner-commands';

/** The element that has focus, looking through shadow roots. */
export function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export async function press(key: string, times = 1) {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
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
