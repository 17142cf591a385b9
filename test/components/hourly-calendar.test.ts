import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { HourlyCalendar } from '../../src/components/hourly-calendar/hourly-calendar.js';
import { buildWeek } from '../../src/model/week.js';
import { deepAll, nextEvent } from '../helpers/dom.js';

const week = buildWeek({
  slots: ['2025-10-21T07:00:00Z', '2025-10-21T07:45:00Z', '2025-10-21T08:30:00Z', '2025-10-22T12:00:00Z'],
  weekStart: '2025-10-20',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
  now: Date.parse('2025-10-21T05:00:00Z'),
  fetchedAt: Date.parse('2025-10-21T05:00:00Z'),
  fromCache: false,
  locale: 'en-GB',
});

async function calendar(theme = 'light') {
  const wrapper = await fixture(html`
    <div style="color-scheme: ${theme}" lang="en-GB">
      <hourly-calendar .weekData=${week.weekData} .weekMetadata=${week.weekMetadata}></hourly-calendar>
    </div>
  `);
  return wrapper.querySelector('hourly-calendar')!;
}

describe('<hourly-calendar>', () => {
  it('renders each day with its slots grouped by hour', async () => {
    const el = await calendar();
    const days = deepAll(el, 'section.day');
    expect(days).to.have.length(7);
    const tuesday = days[1]!;
    expect(tuesday.querySelector('h3')!.textContent).to.match(/Tue 21 Oct/);
    const hours = [...tuesday.querySelectorAll('.hour')].map((h) => [...h.querySelectorAll('button')].map((b) => b.textContent.trim()));
    expect(hours).to.deep.equal([['09:00', '09:45'], ['10:30']]);
    expect(days[0]!.textContent).to.include('No times');
    expect(tuesday.getAttribute('part')).to.equal('day today');
    expect(days[0]!.getAttribute('part')).to.equal('day past');
  });

  it('gives every slot a full accessible name', async () => {
    const el = await calendar();
    const first = deepAll<HTMLButtonElement>(el, 'button.slot')[0]!;
    expect(first.getAttribute('aria-label')).to.equal('Tuesday 21 October, 09:00, 45 minutes');
  });

  it('dispatches slot-selected with the slot and marks it pressed', async () => {
    const el = await calendar();
    const target = deepAll<HTMLButtonElement>(el, 'button.slot')[3]!;
    const selected = nextEvent(el, 'slot-selected');
    target.click();
    const event = await selected;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.slot).to.deep.equal({
      time: '14:00', fullDatetime: '2025-10-22T14:00:00+02:00', date: '2025-10-22', dayName: 'wednesday', durationMinutes: 45,
    });
    await el.updateComplete;
    const pressed = deepAll(el, 'button[aria-pressed="true"]');
    expect(pressed).to.have.length(1);
    expect(pressed[0]!.getAttribute('part')).to.equal('slot selected');
  });

  it('is operable from the keyboard: slots are buttons in tab order', async () => {
    const el = await calendar();
    const buttons = deepAll<HTMLButtonElement>(el, 'button.slot');
    expect(buttons.every((b) => b.tabIndex === 0 && !b.disabled)).to.equal(true);
  });

  it('renders nothing until it has a week', async () => {
    const el = await fixture<HourlyCalendar>(html`<hourly-calendar></hourly-calendar>`);
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme`, async () => {
      const el = await calendar(theme);
      deepAll<HTMLButtonElement>(el, 'button.slot')[0]!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});
