import { expect, fixture, html } from '@open-wc/testing';
// Only this element's own entry, in a page of its own: it must work alone.
import '../../../src/elements/hourly-calendar.js';
import { buildWeek } from '../../../src/model/week.js';
import { mockProxy } from '../../helpers/proxy-mock.js';
import { deepAll, until } from '../../helpers/dom.js';

mockProxy();
const week = buildWeek({
  slots: ['2025-10-21T07:00:00Z'],
  weekStart: '2025-10-20',
  timeZone: 'UTC',
  durationMinutes: 30,
  now: Date.parse('2025-10-20T00:00:00Z'),
  fetchedAt: 0,
  fromCache: false,
});

describe('booking-flow/elements/hourly-calendar alone', () => {
  it('registers <hourly-calendar> and what it renders, and the element works', async () => {
    const el = await fixture<HTMLElement>(
      html`<hourly-calendar .weekData=${week.weekData} .weekMetadata=${week.weekMetadata}></hourly-calendar>`,
    );
    expect(customElements.get('hourly-calendar')).to.not.equal(undefined);
    await until(() => deepAll(el, 'button.slot').length === 1, 'the time it was given');
  });
});
