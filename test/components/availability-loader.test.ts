import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { AvailabilityLoader } from '../../src/components/availability-loader/availability-loader.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { AvailabilityClient } from '../../src/api/availability-client.js';
import { gate, mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, text, until, nextEvent } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { holdIdleCallbacks } from '../helpers/idle.js';
import { holdTimeouts } from '../helpers/timers.js';
import { SLOW_LOAD_MS } from '../../src/internal/week-load.js';

const proxy = mockProxy();

async function flowWithLoader(theme = 'light') {
  const flow = await fixture<BookingFlow>(html`
    <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" service="haircut" theme=${theme}>
      <availability-loader></availability-loader>
    </booking-flow>
  `);
  const loader = flow.querySelector('availability-loader')!;
  return { flow, loader };
}

const calendarOf = (loader: AvailabilityLoader) => deep(loader, 'hourly-calendar');
const slotButtons = (loader: AvailabilityLoader) => deepAll<HTMLButtonElement>(calendarOf(loader), 'button.slot');
const button = (loader: AvailabilityLoader, label: string) =>
  deepAll<HTMLButtonElement>(loader, 'button').find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === label,
  )!;

describe('<availability-loader>', () => {
  frozenDate();

  it('loads the current week of the chosen service and dispatches availability-loaded', async () => {
    const flow = document.createElement('booking-flow');
    flow.setAttribute('proxy-url', '/api');
    flow.setAttribute('time-zone', 'Europe/Berlin');
    flow.setAttribute('locale', 'en-GB');
    flow.setAttribute('service', 'haircut');
    const loader = flow.appendChild(document.createElement('availability-loader'));
    const loaded = nextEvent(flow, 'availability-loaded');
    document.body.append(flow);
    const event = await loaded;
    try {
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.weekMetadata).to.include({
        weekStart: '2025-10-20',
        weekEnd: '2025-10-26',
        timeZone: 'Europe/Berlin',
        totalSlots: 4,
        isCurrentWeek: true,
      });
      expect(event.detail.weekData.tuesday.map((s) => s.time)).to.deep.equal(['09:00', '09:30', '14:00']);
      expect(Object.fromEntries(proxy.requests[0]!.searchParams)).to.deep.equal({
        service: 'haircut',
        start: '2025-10-19',
        end: '2025-10-27',
        timeZone: 'UTC', // the week padded by a day, for any zone
      });
      expect(proxy.requests).to.have.length(1);
      await until(() => slotButtons(loader).length === 4, 'slots rendered');
      expect(text(loader)).to.match(/20\s*–\s*26 Oct 2025/);
    } finally {
      flow.remove();
    }
  });

  it('shows a skeleton with aria-busy while loading, and no layout jump into the calendar area', async () => {
    const held = gate();
    proxy.gate = held.promise;
    const { loader } = await flowWithLoader();
    await until(() => proxy.requests.length === 1, 'request sent');
    // The flow asks for the first week before the loader's own load starts (issue 18): busy once that starts.
    await until(() => deepAll(loader, '.body[aria-busy="true"]').length === 1, 'busy while the week is held');
    const body = deep(loader, '.body');
    expect(deepAll(loader, '[part="skeleton"]')).to.have.length(1);
    // Still at first (a pulse would give each bar a layer in the frame after a click); pulsing once the load lasts.
    const bars = () => deepAll(loader, '.skeleton-day span');
    expect(bars()).to.have.length(21);
    expect(bars().flatMap((bar) => bar.getAnimations())).to.have.length(0);
    expect(text(loader)).to.include('Loading available times');
    await expect(loader).to.be.accessible();
    await until(() => bars().every((bar) => bar.getAnimations().length === 1), 'the bars pulse');
    expect(getComputedStyle(bars()[0]!).animationName).to.equal('pulse');
    held.open();
    await until(() => slotButtons(loader).length === 4, 'slots rendered');
    expect(body.getAttribute('aria-busy')).to.equal('false');
    expect(deepAll(loader, '[part="skeleton"]')).to.have.length(0);
  });

  it('pulses a skeleton once its own load lasts, never on the timer of an earlier, quick load', async () => {
    // Every load starts a SLOW_LOAD_MS timer; held here, the test fires them in order, whatever the machine.
    const timers = holdTimeouts(SLOW_LOAD_MS);
    try {
      const { loader } = await flowWithLoader();
      await until(() => slotButtons(loader).length === 4, 'first week');
      const quickLoads = timers.ids;
      const held = gate();
      proxy.gate = held.promise;
      button(loader, 'Next week').click();
      const bars = () => deepAll(loader, '.skeleton-day span');
      await until(() => bars().length === 21, 'the next week loading');
      // The first week's load ended long ago: its timer, had it been left running, would pulse this skeleton now.
      timers.fire(quickLoads);
      expect(bars().flatMap((bar) => bar.getAnimations())).to.have.length(0);
      timers.fire();
      await until(() => bars().every((bar) => bar.getAnimations().length === 1), 'the bars pulse');
      held.open();
      await until(() => deep(loader, '.body').getAttribute('aria-busy') === 'false', 'the next week shown');
    } finally {
      timers.fire();
      timers.restore();
    }
  });

  it('moves between weeks, says when a week is empty, and comes back to this week', async () => {
    const { flow, loader } = await flowWithLoader();
    await until(() => slotButtons(loader).length === 4, 'first week');
    expect(button(loader, 'Previous week').disabled).to.equal(true);

    const changed = nextEvent(flow, 'week-changed');
    const loaded = nextEvent(flow, 'availability-loaded');
    button(loader, 'Next week').click();
    expect((await changed).detail).to.deep.equal({ weekStart: '2025-10-27' });
    expect((await loaded).detail.weekMetadata).to.include({
      weekStart: '2025-10-27',
      totalSlots: 0,
      isCurrentWeek: false,
    });
    await loader.updateComplete;
    expect(loader.getAttribute('week-start')).to.equal('2025-10-27');
    expect(deepAll(loader, '[part="empty"]')).to.have.length(1);
    expect(text(loader)).to.include('No times available this week.');
    expect(deepAll(loader, '[role="alert"]')).to.have.length(0);
    await expect(loader).to.be.accessible();

    button(loader, 'This week').click();
    await until(() => slotButtons(loader).length === 4, 'back to the first week, from the cache');
    expect(proxy.requests).to.have.length(2);
  });

  it('asks for the "next available" chunk once the page is idle, not while a week renders (issue 18)', async () => {
    // Loaded already, so that only the wait for an idle page could keep the action away.
    await import('../../src/internal/next-available-search.js');
    const idle = holdIdleCallbacks();
    let loader: AvailabilityLoader;
    try {
      ({ loader } = await flowWithLoader());
      await until(() => slotButtons(loader).length === 4, 'first week');
      button(loader, 'Next week').click();
      await until(() => deepAll(loader, '[part="empty"]').length === 1, 'the empty week');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(text(loader)).to.include('No times available this week.').and.not.include('Show next available');
    } finally {
      idle.release();
    }
    await until(() => text(loader).includes('Show next available'), 'the action once the page was idle');
  });

  it('shows a retryable error, never "no availability", when the proxy fails', async () => {
    proxy.failWith = { status: 502, code: 'upstream_error', message: 'The booking service answered 500.' };
    const flow = document.createElement('booking-flow');
    Object.assign(flow, { proxyUrl: '/api', timeZone: 'Europe/Berlin', locale: 'en-GB', service: 'haircut' });
    const loader = flow.appendChild(document.createElement('availability-loader'));
    const failed = nextEvent(flow, 'availability-error');
    document.body.append(flow);
    try {
      const { detail } = await failed;
      expect(detail.error).to.deep.equal({ code: 'upstream_error', message: 'The booking service answered 500.' });
      await loader.updateComplete;
      const alert = deep(loader, '[role="alert"]');
      expect(text(alert)).to.include('Availability could not be loaded.');
      expect(text(loader)).not.to.include('No times available');
      expect(deepAll(calendarOf(loader), 'button.slot')).to.have.length(0);
      await expect(loader).to.be.accessible();

      proxy.failWith = undefined;
      const loaded = nextEvent(flow, 'availability-loaded');
      button(loader, 'Retry').click();
      expect((await loaded).detail.weekMetadata.totalSlots).to.equal(4);
      await until(() => slotButtons(loader).length === 4, 'slots after retry');
      expect(deepAll(loader, '[role="alert"]')).to.have.length(0);

      // The event's retry() works too.
      proxy.failWith = { status: 503, code: 'upstream_rate_limited', message: 'Busy.' };
      flow.service = 'coaching';
      const again = await nextEvent(flow, 'availability-error');
      proxy.failWith = undefined;
      const reloaded = nextEvent(flow, 'availability-loaded');
      again.detail.retry();
      expect((await reloaded).detail.weekMetadata.weekStart).to.equal('2025-10-20');
    } finally {
      flow.remove();
    }
  });

  it('marks times served from an expired answer as possibly out of date', async () => {
    for (const theme of ['light', 'dark']) {
      proxy.stale = true;
      const { flow, loader } = await flowWithLoader(theme);
      await until(() => slotButtons(loader).length === 4, 'stale times still shown');
      const note = deep(loader, '[part="stale"]');
      expect(text(note)).to.include('may be out of date');
      await expect(flow).to.be.accessible();
      proxy.stale = false;
    }
    const { loader } = await flowWithLoader();
    await until(() => slotButtons(loader).length === 4, 'fresh times');
    expect(deepAll(loader, '[part="stale"]')).to.have.length(0);
  });

  it('drops a superseded week: only the last one asked for is shown', async () => {
    const { flow, loader } = await flowWithLoader();
    await until(() => slotButtons(loader).length === 4, 'first week');
    const held = gate();
    proxy.gate = held.promise;
    const weeks: string[] = [];
    flow.addEventListener('availability-loaded', (e) => weeks.push(e.detail.weekMetadata.weekStart));
    button(loader, 'Next week').click();
    await until(() => proxy.requests.length === 2, 'next week requested');
    button(loader, 'Next week').click();
    await until(() => proxy.requests.length === 3, 'week after requested');
    held.open();
    await until(() => weeks.length === 1, 'one week delivered');
    await new Promise((r) => setTimeout(r, 50));
    expect(weeks).to.deep.equal(['2025-11-03']);
    expect(loader.weekStart).to.equal('2025-11-03');
  });

  it("follows the page's service-selected and staff-selected events when used on its own", async () => {
    const loader = await fixture<AvailabilityLoader>(
      html`<availability-loader .client=${new AvailabilityClient({ baseUrl: '/api' })}></availability-loader>`,
    );
    expect(text(loader)).to.include('Choose a service');
    const loaded = nextEvent(loader, 'availability-loaded');
    document.body.dispatchEvent(
      new CustomEvent('service-selected', {
        detail: { serviceId: 'haircut', service: {} },
        bubbles: true,
        composed: true,
      }),
    );
    await loaded;
    expect(proxy.requests[0]!.searchParams.get('service')).to.equal('haircut');
    expect(proxy.requests[0]!.searchParams.has('staff')).to.equal(false);
    const again = nextEvent(loader, 'availability-loaded');
    document.body.dispatchEvent(
      new CustomEvent('staff-selected', { detail: { staffId: 'anna', staff: null }, bubbles: true, composed: true }),
    );
    await again;
    expect(proxy.requests[1]!.searchParams.get('staff')).to.equal('anna');
  });

  it('keeps reloading after bookings when it is moved in the page, and stops listening once removed', async () => {
    const client = new AvailabilityClient({ baseUrl: '/api' });
    const loader = await fixture<AvailabilityLoader>(
      html`<availability-loader service="haircut" .client=${client}></availability-loader>`,
    );
    await until(() => proxy.requests.length === 1 && slotButtons(loader).length === 4, 'first load shown');
    // Moved: disconnected and connected again, as a CMS re-parenting a block does.
    const parent = loader.parentElement!;
    document.body.append(loader);
    parent.append(loader);
    client.invalidate({ serviceId: 'haircut' });
    await until(() => proxy.requests.length === 2, 'reloaded after the move');
    loader.remove();
    client.invalidate({ serviceId: 'haircut' });
    await new Promise((r) => setTimeout(r, 50));
    expect(proxy.requests).to.have.length(2);
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible with slots shown, in the ${theme} theme`, async () => {
      const { loader } = await flowWithLoader(theme);
      await until(() => slotButtons(loader).length === 4, 'slots');
      await expect(loader).to.be.accessible();
    });
  }
});
