import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { slotButtons } from '../helpers/flows.js';
import { deep, deepAll, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { focused, press } from '../helpers/keyboard.js';

// Issue 17: right to left. Under dir="rtl" (on an ancestor, or from a right-to-left locale) the flow mirrors: the
// week runs from the right, "previous" sits on the right, and the arrow keys follow the reading direction.
mockProxy();

async function flowIn(page: ReturnType<typeof html>): Promise<BookingFlow> {
  const wrapper = await fixture<HTMLElement>(page);
  const el = wrapper.localName === 'booking-flow' ? (wrapper as BookingFlow) : wrapper.querySelector('booking-flow')!;
  await until(() => slotButtons(el).length === 4, 'week shown');
  return el;
}

/** A flow on a page that reads right to left (an ancestor's dir), in English. */
const rtlFlow = (theme = 'light') =>
  flowIn(html`
    <div dir="rtl">
      <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" service="haircut" theme=${theme}>
      </booking-flow>
    </div>
  `);

const calendarOf = (el: BookingFlow) => deep(el, 'availability-loader', 'hourly-calendar');
const left = (el: Element) => el.getBoundingClientRect().left;

describe('right to left (issue 17)', () => {
  frozenDate();

  for (const theme of ['light', 'dark'])
    it(`mirrors the flow under an ancestor's dir="rtl", and passes axe (${theme})`, async () => {
      const el = await rtlFlow(theme);
      const days = deepAll(calendarOf(el), 'section.day');
      expect(days).to.have.length(7);
      for (let i = 1; i < 7; i++)
        expect(left(days[i]!), `day ${i + 1} left of day ${i}`).to.be.below(left(days[i - 1]!));
      const [previous, next] = deepAll(deep(el, 'availability-loader'), 'button.nav');
      expect(previous!.getAttribute('aria-label')).to.equal('Previous week');
      expect(left(previous!), '"previous" on the right').to.be.above(left(next!));
      // Text starts at the right edge: each step's legend ends where its box does.
      const legend = deep(el, 'service-selector', 'legend');
      const box = deep(el, 'service-selector', 'fieldset').getBoundingClientRect();
      expect(box.right - legend.getBoundingClientRect().right).to.be.below(box.width / 4);
      await expect(el).to.be.accessible();
    });

  it('moves to the next day with ArrowLeft and back with ArrowRight, as the week reads', async () => {
    const el = await rtlFlow();
    slotButtons(el)[0]!.focus();
    const at = () => (focused() as HTMLElement | null)?.dataset.datetime;
    expect(at()).to.equal('2025-10-21T09:00:00+02:00');
    await press('ArrowLeft');
    expect(at(), 'the next day, to the left').to.equal('2025-10-22T10:00:00+02:00');
    await press('ArrowRight');
    expect(at(), 'back, to the right').to.equal('2025-10-21T09:00:00+02:00');
  });

  it('keeps a time range in its own order inside the mirrored summary', async () => {
    const el = await rtlFlow();
    slotButtons(el)[0]!.click();
    const summary = deep(el, 'booking-summary');
    const timeRow = () => deepAll(summary, 'dd').find((dd) => dd.textContent?.includes('09:30'));
    await until(() => timeRow() !== undefined, 'the time row');
    const text = [...timeRow()!.querySelectorAll('*'), timeRow()!]
      .flatMap((node) => [...node.childNodes])
      .find((node) => node instanceof Text && node.data.includes('09:30')) as Text;
    const at = (part: string) => {
      const range = document.createRange();
      range.setStart(text, text.data.indexOf(part));
      range.setEnd(text, text.data.indexOf(part) + part.length);
      return range.getBoundingClientRect().left;
    };
    expect(text.data).to.match(/^09:00\s*–\s*09:30/);
    expect(at('09:00'), '"09:00–09:30", not "09:30–09:00"').to.be.below(at('09:30'));
  });

  it('reads right to left in a right-to-left language on a left-to-right page; a dir the page sets wins', async () => {
    const arabic = await flowIn(html`
      <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="ar" service="haircut"></booking-flow>
    `);
    expect(arabic.getAttribute('dir')).to.equal('rtl');
    const days = deepAll(calendarOf(arabic), 'section.day');
    expect(left(days[1]!)).to.be.below(left(days[0]!));
    arabic.locale = 'en-GB';
    await arabic.updateComplete;
    expect(arabic.hasAttribute('dir'), 'given back with the locale').to.equal(false);

    const hebrewPage = await flowIn(
      html`<div lang="he"><booking-flow proxy-url="/api" service="haircut"></booking-flow></div>`,
    );
    expect(hebrewPage.getAttribute('dir'), "from the page's lang").to.equal('rtl');

    const chosen = await flowIn(html`
      <booking-flow proxy-url="/api" locale="ar" dir="ltr" service="haircut"></booking-flow>
    `);
    expect(chosen.getAttribute('dir')).to.equal('ltr');
  });
});
