import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import type { ThemeToggle } from '../../src/components/theme-toggle/theme-toggle.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, nextEvent } from '../helpers/dom.js';
import { stepOf } from '../helpers/flows.js';
import { press } from '../helpers/keyboard.js';

mockProxy();

describe('<theme-toggle>', () => {
  afterEach(() => localStorage.clear());

  it("switches the flow's theme, fires theme-changed and remembers the choice", async () => {
    const el = await fixture<BookingFlow>(html`<booking-flow proxy-url="/api" theme="light"></booking-flow>`);
    const toggle = await stepOf(el, 'theme-toggle');
    expect(deep<HTMLInputElement>(toggle, 'input[value="light"]').checked).to.equal(true);
    const changed = nextEvent(el, 'theme-changed');
    deep<HTMLInputElement>(toggle, 'input[value="dark"]').click();
    const event = await changed;
    expect(event.detail).to.deep.equal({ theme: 'dark' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(localStorage.getItem('booking-flow:theme')).to.equal('dark');

    // A later page load with a toggle starts in the remembered theme, as the toggle comes (with the first screen).
    const next = await fixture<BookingFlow>(html`<booking-flow proxy-url="/api" theme="light"></booking-flow>`);
    await stepOf(next, 'theme-toggle');
    await next.updateComplete;
    expect(next.getAttribute('theme')).to.equal('dark');
    expect(deep<HTMLInputElement>(next, 'theme-toggle', 'input[value="dark"]').checked).to.equal(true);
  });

  it("is the only reader of the remembered theme: without a toggle shown, the page's theme attribute wins", async () => {
    localStorage.setItem('booking-flow:theme', 'dark');
    const el = await fixture<BookingFlow>(html`
      <booking-flow proxy-url="/api" theme="light"><service-selector></service-selector></booking-flow>
    `);
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('light');
    expect(getComputedStyle(el).colorScheme).to.equal('light');
  });

  it('ignores a remembered value that is not a theme', async () => {
    localStorage.setItem('booking-flow:theme', 'purple');
    const el = await fixture<BookingFlow>(html`<booking-flow proxy-url="/api" theme="light"></booking-flow>`);
    const toggle = await stepOf(el, 'theme-toggle');
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('light');
    expect(deep<HTMLInputElement>(toggle, 'input[value="light"]').checked).to.equal(true);
    // On its own (no flow's theme to show), it shows automatic.
    const lone = await fixture<ThemeToggle>(html`<theme-toggle></theme-toggle>`);
    expect(deep<HTMLInputElement>(lone, 'input:checked').value).to.equal('auto');
  });

  it('is operable with the keyboard: arrow keys move the choice', async () => {
    const el = await fixture<BookingFlow>(html`<booking-flow proxy-url="/api" theme="light"></booking-flow>`);
    // The steps come with the catalog (issue 18): nothing takes focus before.
    const light = deep<HTMLInputElement>(await stepOf(el, 'theme-toggle'), 'input[value="light"]');
    light.focus();
    const changed = nextEvent(el, 'theme-changed');
    await press('ArrowRight');
    expect((await changed).detail.theme).to.equal('dark');
  });

  it('theme="auto" follows prefers-color-scheme through CSS, from the first paint', async function () {
    const background = (el: Element) => getComputedStyle(deep(el, 'theme-toggle', 'fieldset')).backgroundColor;
    // Media emulation goes through CDP: Firefox (WebDriver BiDi) and WebKit (WebDriver) skip this one.
    if (
      !(await emulateMedia({ colorScheme: 'dark' }).then(
        () => true,
        () => false,
      ))
    )
      this.skip();
    try {
      const el = await fixture<BookingFlow>(html`<booking-flow proxy-url="/api" theme="auto"></booking-flow>`);
      await stepOf(el, 'theme-toggle');
      expect(background(el)).to.equal('rgb(20, 23, 26)');
      await emulateMedia({ colorScheme: 'light' });
      expect(background(el)).to.equal('rgb(255, 255, 255)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible in the ${theme} theme, on its own too`, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="color-scheme: ${theme}"><theme-toggle></theme-toggle></div>`,
      );
      const toggle = wrapper.querySelector<ThemeToggle>('theme-toggle')!;
      await toggle.updateComplete;
      await expect(toggle).to.be.accessible();
    });
  }
});
