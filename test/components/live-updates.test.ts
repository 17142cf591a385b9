import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { mockProxy, workerStreams } from '../helpers/proxy-mock.js';
import { deep, deepAll, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { holdIdleCallbacks } from '../helpers/idle.js';
import { slotButtons, stepOf } from '../helpers/flows.js';

// Issue 13 in the browser: the page's one stream, the week refreshed in place, the summary warned in time.
const proxy = mockProxy();
const TUESDAY_0900 = '2025-10-21T07:00:00.000Z';

/** Focuses a time as a keyboard user would; a test page in the background gets no focus event by itself. */
function focusTime(button: HTMLButtonElement): void {
  button.focus();
  button.dispatchEvent(new FocusEvent('focus'));
}

async function flow(theme = 'light') {
  const el = await fixture<BookingFlow>(html`
    <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" service="haircut" theme=${theme}>
    </booking-flow>
  `);
  const loader = await stepOf(el, 'availability-loader');
  const calendar = () => deep(loader, 'hourly-calendar');
  const slots = () => deepAll<HTMLButtonElement>(calendar(), 'button.slot');
  await until(() => slots().length === 4, 'the week is shown');
  await until(() => proxy.live.open === 1, 'the stream is open');
  return { el, loader, calendar, slots, summary: deep(el, 'booking-summary') };
}

/** Tells the stream that Tuesday's haircut times changed. */
function tuesdayChanged(id: string) {
  proxy.live.send('change', { services: ['haircut'], staff: null, from: '2025-10-21', to: '2025-10-21' }, id);
}

/** As if someone else booked Tuesday 09:00: gone from the proxy, and told on the stream. */
function bookedElsewhere(id = 'r7') {
  proxy.hidden.add(TUESDAY_0900);
  tuesdayChanged(id);
}

/** As if that booking was cancelled: Tuesday 09:00 back on the proxy, and told on the stream. */
function cancelledElsewhere(id = 'r8') {
  proxy.hidden.delete(TUESDAY_0900);
  tuesdayChanged(id);
}

describe('live updates', () => {
  const clock = frozenDate();
  before(async function () {
    // WebKit: the proxy's real stream is tested end to end instead (test/e2e).
    if (!(await workerStreams(proxy.live))) this.skip();
  });
  afterEach(() => {
    proxy.hidden.clear();
    // Back to the page's own visibility.
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('opens the stream once the page is idle, not while the first week renders (issue 18)', async () => {
    // Loaded already, so that only the wait for an idle page could keep the stream closed.
    await import('../../src/api/change-stream.js');
    const idle = holdIdleCallbacks();
    try {
      const el = await fixture<BookingFlow>(html`
        <booking-flow proxy-url="/api" time-zone="Europe/Berlin" service="haircut"></booking-flow>
      `);
      await until(() => slotButtons(el).length > 0, 'week');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(proxy.live.open).to.equal(0);
      expect(idle.held).to.be.greaterThan(0);
    } finally {
      idle.release();
    }
    await until(() => proxy.live.open === 1, 'the stream opens once the page was idle');
  });

  it('opens one stream for every element of a page that talk to the same proxy, and closes it with the last', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <booking-flow proxy-url="/api" time-zone="Europe/Berlin" service="haircut"></booking-flow>
        <booking-flow proxy-url="/api/" time-zone="Europe/Berlin" service="coaching"></booking-flow>
      </div>
    `);
    await until(() => proxy.live.open === 1, 'one stream');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(proxy.live.opened).to.have.length(1);
    page.querySelector('booking-flow')!.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.live.open).to.equal(1);
    page.remove();
    await until(() => proxy.live.open === 0, 'closed with the last loader');
  });

  it('refreshes the shown week in place on a change: no skeleton, focus kept, a polite "Times updated."', async () => {
    const { loader, slots } = await flow();
    const wednesday = slots().find((b) => b.dataset.datetime?.startsWith('2025-10-22'))!;
    focusTime(wednesday);
    let skeletons = 0;
    const watch = new MutationObserver(() => (skeletons += deepAll(loader, '[part="skeleton"]').length));
    watch.observe(loader.shadowRoot!, { subtree: true, childList: true });
    const asked = proxy.requests.length;
    bookedElsewhere();
    await until(() => slots().length === 3, 'the taken time is gone');
    watch.disconnect();
    expect(proxy.requests.length - asked).to.equal(1);
    expect(skeletons).to.equal(0);
    const focused = deep(loader, 'hourly-calendar').shadowRoot!.activeElement as HTMLElement;
    expect(focused?.dataset.datetime).to.equal(wednesday.dataset.datetime);
    expect(deep(loader, '[role="status"]').textContent).to.equal('Times updated.');
  });

  it('keeps focus on the same time when an earlier time of its hour goes (the buttons under it shift)', async () => {
    const { loader, slots } = await flow();
    focusTime(slots().find((b) => b.dataset.datetime?.startsWith('2025-10-21T09:30'))!);
    bookedElsewhere();
    await until(() => slots().length === 3, 'the taken time is gone');
    const focused = deep(loader, 'hourly-calendar').shadowRoot!.activeElement as HTMLElement;
    expect(focused?.dataset.datetime).to.match(/^2025-10-21T09:30/);
  });

  it('moves focus to the next time when the focused time itself is taken', async () => {
    const { loader, slots } = await flow();
    const taken = slots().find((b) => b.getAttribute('data-datetime')?.startsWith('2025-10-21T09:00'))!;
    focusTime(taken);
    bookedElsewhere();
    await until(() => slots().length === 3, 'the taken time is gone');
    const focused = deep(loader, 'hourly-calendar').shadowRoot!.activeElement as HTMLElement;
    expect(focused?.dataset.datetime).to.match(/^2025-10-21T09:30/);
  });

  it('ignores changes of other services, staff and weeks', async () => {
    const { slots } = await flow();
    const asked = proxy.requests.length;
    proxy.live.send('change', { services: ['coaching'], staff: null }, 'r1');
    proxy.live.send('change', { services: ['haircut'], staff: null, from: '2025-11-10', to: '2025-11-10' }, 'r2');
    proxy.live.send('change', { services: ['haircut'], staff: null, from: 'soon' }, 'r3'); // not a change
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(proxy.requests.length).to.equal(asked);
    expect(slots()).to.have.length(4);
  });

  it('says in the summary that a chosen time it could not hold was taken, before the visitor sends, and keeps what they typed', async () => {
    // A proxy with holds switched off: only the live stream can warn.
    proxy.manage.holdFailsWith = { status: 404, code: 'holds_disabled', message: 'This proxy does not hold times.' };
    const { summary, slots } = await flow();
    slots()[0]!.click();
    await until(() => deepAll(summary, 'input').length > 0, 'the form');
    const name = deep<HTMLInputElement>(summary, 'input[name="name"]');
    name.value = 'Ada Lovelace';
    name.dispatchEvent(new Event('input'));
    bookedElsewhere();
    await until(() => text(summary).includes('just taken'), 'the summary says so');
    expect(deep<HTMLButtonElement>(summary, '[part="confirm-button"]').disabled).to.equal(true);
    expect(deep(summary, '[part="error"]').getAttribute('role')).to.equal('alert');
    expect(deep<HTMLInputElement>(summary, 'input[name="name"]').value).to.equal('Ada Lovelace');
    expect(proxy.bookings).to.have.length(0);
    await expect(summary).to.be.accessible();
    // Another time clears it.
    slots()[1]!.click();
    await until(() => !text(summary).includes('just taken'), 'the notice goes with another time');
    expect(deep<HTMLButtonElement>(summary, '[part="confirm-button"]').disabled).to.equal(false);
  });

  it('takes the notice back when the chosen time is free again (the other booking was cancelled)', async () => {
    proxy.manage.holdFailsWith = { status: 404, code: 'holds_disabled', message: 'This proxy does not hold times.' };
    const { summary, slots } = await flow();
    slots()[0]!.click();
    await until(() => deepAll(summary, 'input').length > 0, 'the form');
    bookedElsewhere();
    await until(() => text(summary).includes('just taken'), 'the summary says so');
    cancelledElsewhere();
    await until(() => slots().length === 4, 'the time is back in the week');
    await until(() => !text(summary).includes('just taken'), 'the notice goes');
    expect(deep<HTMLButtonElement>(summary, '[part="confirm-button"]').disabled).to.equal(false);
    expect(slots()[0]!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('reloads every shown week when the proxy says reset (it restarted and cannot tell what was missed)', async () => {
    const { slots } = await flow();
    const asked = proxy.requests.length;
    proxy.hidden.add(TUESDAY_0900);
    proxy.live.send('reset', {}, 'l2-0');
    await until(() => slots().length === 3, 'reloaded');
    expect(proxy.requests.length - asked).to.equal(1);
  });

  it('resumes after the tab was hidden, from the last id it heard', async () => {
    await flow();
    proxy.live.send('change', { services: ['coaching'], staff: null }, 'r41');
    await new Promise((resolve) => setTimeout(resolve, 50));
    setVisibility('hidden');
    await until(() => proxy.live.open === 0, 'closed while hidden');
    setVisibility('visible');
    await until(() => proxy.live.open === 1, 'open again');
    expect(proxy.live.opened.at(-1)!.searchParams.get('lastEventId')).to.equal('r41');
  });

  it('without a stream, refreshes a week older than 10 s when the window regains focus, and backs off', async () => {
    proxy.live.refuseWith = 503;
    const el = await fixture<BookingFlow>(html`
      <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" service="haircut"></booking-flow>
    `);
    const loader = await stepOf(el, 'availability-loader');
    const slots = () => deepAll(deep(loader, 'hourly-calendar'), 'button.slot');
    await until(() => slots().length === 4 && proxy.live.opened.length === 1, 'shown; the stream refused');
    const asked = proxy.requests.length;
    window.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(proxy.requests.length).to.equal(asked, 'a week fetched a moment ago stays');
    proxy.hidden.add(TUESDAY_0900);
    clock.ahead(11_000);
    window.dispatchEvent(new Event('focus'));
    await until(() => slots().length === 3, 'refreshed on focus');
    expect(proxy.requests.length - asked).to.equal(1);
    // It tries the stream again, later each time.
    await until(() => proxy.live.opened.length >= 2, 'a second attempt');
  });

  it('passes axe after a refresh in place, light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const { el, slots } = await flow(theme);
      bookedElsewhere(`r-${theme}`);
      await until(() => slots().length === 3, 'refreshed');
      await expect(el).to.be.accessible();
      proxy.hidden.clear();
      el.remove();
    }
  });
});

function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
