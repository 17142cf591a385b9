import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/locales/de.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, nextEvent, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { press } from '../helpers/keyboard.js';

const proxy = mockProxy();

const slotTexts = (el: BookingFlow) =>
  deepAll(deep(el, 'availability-loader', 'hourly-calendar'), 'button.slot').map((b) => (b.textContent ?? '').trim());

describe('locale, words and time zone', () => {
  frozenDate();

  it("speaks German from the page's lang, with German dates and a Monday week", async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="de-DE">
        <booking-flow proxy-url="/api" time-zone="Europe/Berlin" theme="light" service="haircut"></booking-flow>
      </div>
    `);
    const el = wrapper.querySelector('booking-flow')!;
    await until(() => slotTexts(el).length === 4, 'week shown');
    expect(text(deep(el, 'service-selector')))
      .to.include('Leistung')
      .and.include('30 Min.');
    expect(text(deep(el, 'staff-selector'))).to.include('Beliebig');
    expect(text(deep(el, 'availability-loader')))
      .to.include('Diese Woche')
      .and.include('Zeitzone');
    expect(deep(el, 'availability-loader', 'button[aria-label="Nächste Woche"]')).to.exist;
    const days = deepAll(deep(el, 'availability-loader', 'hourly-calendar'), '.day-label').map((d) => text(d));
    expect(days[0]).to.match(/^Mo\.?,? 20\. Okt/);
    expect(text(deep(el, 'booking-summary'))).to.include('Wählen Sie einen Termin');
    await expect(el).to.be.accessible();
  });

  // WebKitGTK's browser reports the POSIX locale "C" when LANG is unset; pages write "en_US" too.
  it('falls back past a language tag that Intl refuses, instead of failing to render', async () => {
    const wrapper = await fixture<HTMLElement>(html`
      <div lang="de-DE">
        <booking-flow proxy-url="/api" locale="en_US" time-zone="Europe/Berlin" service="haircut"></booking-flow>
      </div>
      <div lang="C"><booking-flow proxy-url="/api" time-zone="Europe/Berlin" service="haircut"></booking-flow></div>
    `);
    const [german, plain] = [...wrapper.parentElement!.querySelectorAll('booking-flow')];
    await until(() => slotTexts(german!).length === 4 && slotTexts(plain!).length === 4, 'both weeks shown');
    expect(text(deep(german!, 'service-selector')), 'the page lang after the bad attribute').to.include('Leistung');
    expect(text(deep(plain!, 'service-selector')), 'the browser language after the bad lang').to.include('Service');
  });

  it('follows hour-cycle and week-starts-on, and lets the author replace any word', async () => {
    const el = await fixture<BookingFlow>(html`
      <booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        hour-cycle="h12"
        week-starts-on="sunday"
        service="haircut"
        theme="light"
      ></booking-flow>
    `);
    el.strings = { staffLegend: 'Stylist', anyStaff: 'Whoever is free' };
    await until(() => slotTexts(el).length > 0, 'week shown');
    expect(proxy.requests[0]!.searchParams.get('start')).to.equal('2025-10-18'); // the week of Sunday 19 October, padded
    expect(slotTexts(el)[0]).to.match(/^9:00\s?am$/i);
    expect(text(deep(el, 'staff-selector')))
      .to.include('Stylist')
      .and.include('Whoever is free');
  });

  it('re-renders the week in a zone picked in the switcher, without a refetch, and tells the flow', async () => {
    const el = await fixture<BookingFlow>(html`
      <booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        service="haircut"
        theme="light"
      ></booking-flow>
    `);
    await until(() => slotTexts(el).length === 4, 'Berlin week');
    expect(slotTexts(el)).to.deep.equal(['09:00', '09:30', '14:00', '10:00']);
    const select = deep<HTMLSelectElement>(el, 'availability-loader', 'select');
    expect(select.value).to.equal('Europe/Berlin');
    // Some 400 zones wait until the visitor reaches for the select (issue 18: a first render without them).
    expect([...select.options].map((o) => o.value)).to.deep.equal(['Europe/Berlin']);
    const width = select.getBoundingClientRect().width;
    select.dispatchEvent(new PointerEvent('pointerdown'));
    await until(() => select.options.length > 300, 'every zone listed');
    expect(select.getBoundingClientRect().width, 'nothing moves as the zones come').to.equal(width);
    expect(select.value).to.equal('Europe/Berlin');
    const changed = nextEvent(el, 'time-zone-changed');
    select.value = 'Europe/London';
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ timeZone: 'Europe/London' });
    await until(() => slotTexts(el)[0] === '08:00', 'London times');
    expect(slotTexts(el)).to.deep.equal(['08:00', '08:30', '13:00', '09:00']);
    expect(el.getAttribute('time-zone')).to.equal('Europe/London');
    expect(proxy.requests).to.have.length(1);
  });

  it('the switcher is a labelled native select, usable from the keyboard', async () => {
    const el = await fixture<BookingFlow>(html`
      <booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        service="haircut"
        theme="dark"
      ></booking-flow>
    `);
    await until(() => slotTexts(el).length === 4, 'week');
    const select = deep<HTMLSelectElement>(el, 'availability-loader', 'select');
    expect(select.labels?.[0]?.textContent).to.include('Time zone');
    select.focus();
    const changed = nextEvent(el, 'time-zone-changed');
    await press('ArrowDown');
    expect((await changed).detail.timeZone).to.not.equal('Europe/Berlin');
    await expect(el).to.be.accessible();
  });
});
