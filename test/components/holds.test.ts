import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { mockProxy } from '../helpers/proxy-mock.js';
import { annasHaircut, slotButtons, summaryOf } from '../helpers/flows.js';
import { deep, deepAll, nextEvent, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';

const proxy = mockProxy();
const { manage } = proxy;

const holdOf = (el: BookingFlow) => deepAll(summaryOf(el), '[part="hold"]')[0];
const flow = annasHaircut;

async function choose(el: BookingFlow, index: number) {
  slotButtons(el)[index]!.click();
  await until(() => manage.holds.length > 0 && holdOf(el) !== undefined, 'hold shown');
}

describe('holding the chosen time (issue 14)', () => {
  const clock = frozenDate();

  it('holds a time as soon as it is chosen, and says until when, once, without reading the countdown', async () => {
    const el = await flow();
    await choose(el, 3); // Wednesday 10:00 in Berlin
    expect(manage.holds[0]).to.deep.include({ method: 'POST' });
    expect(manage.holds[0]!.body).to.deep.equal({
      service: 'haircut',
      staff: 'anna',
      start: '2025-10-22T10:00:00+02:00',
      duration: 30,
    });
    const hold = holdOf(el)!;
    const status = hold.querySelector('[role="status"]')!;
    // Held for 5 minutes from 08:00 Berlin time (NOW): until 08:05.
    expect(text(status)).to.equal('This time is held for you until 08:05.');
    const countdown = hold.querySelector('.countdown')!;
    expect(countdown.getAttribute('aria-hidden')).to.equal('true');
    expect(text(countdown)).to.equal('5:00 left');
    clock.ahead(61_000);
    await until(() => text(countdown) === '3:59 left', 'the countdown runs');
    expect(text(status)).to.equal('This time is held for you until 08:05.', 'the live region did not change');
    await expect(el).to.be.accessible();
  });

  it('lets the hold go when another time, or another service, is chosen', async () => {
    const el = await flow();
    await choose(el, 3);
    slotButtons(el)[1]!.click();
    const [first] = manage.holds;
    await until(() => manage.holds.length === 2 && manage.released.includes(first!.uid), 'second hold, first released');
    expect(manage.holds[1]!.body.start).to.equal('2025-10-21T09:30:00+02:00');
    await until(() => holdOf(el) !== undefined, 'second hold shown');
    el.service = 'coaching';
    await until(() => manage.released.includes(manage.holds[1]!.uid), 'released on a change of service');
  });

  // Closing the page (pagehide) is tested end to end, in test/e2e: here it would end the test runner's own page.
  it('lets the hold go when the summary leaves the page, and holds again when the page comes back', async () => {
    const el = await flow();
    await choose(el, 3);
    el.remove();
    await until(() => manage.released.includes(manage.holds[0]!.uid), 'released when removed');
    document.body.append(el);
    await until(() => manage.holds.length === 2, 'held again when back');
    // Back from the back-forward cache (after a pagehide let it go): the time is held again.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await until(() => holdOf(el) !== undefined, 'hold shown');
    el.remove();
  });

  it('treats a time someone else holds as taken: booking-failed slot_unavailable, back to the calendar', async () => {
    const el = await flow();
    manage.holdFailsWith = { status: 409, code: 'slot_unavailable', message: 'This time was just taken.' };
    const failed = nextEvent(el, 'booking-failed');
    slotButtons(el)[3]!.click();
    const event = await failed;
    expect(event.detail.error.code).to.equal('slot_unavailable');
    await until(() => el.currentSelection.slot === null, 'the flow let go of the time');
    await until(() => text(summaryOf(el)).includes('this time was just taken'), 'said in the summary');
    expect(deep(summaryOf(el), '[role="alert"]')).to.exist;
    // The week is asked again, without the time.
    await until(() => proxy.requests.length >= 2, 'week reloaded');
  });

  it('renews a hold near its end once while the visitor is active, and says when it has ended', async () => {
    manage.holdMs = 20_000;
    const el = await flow();
    await choose(el, 3);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' })); // typing in the form
    clock.ahead(6_000); // 14 s left: within the renewal window
    await until(() => manage.holds.length === 2, 'renewed');
    expect(manage.holds[1]).to.deep.include({ method: 'PATCH', uid: manage.holds[0]!.uid });
    clock.ahead(25_000);
    await until(() => text(summaryOf(el)).includes('Your hold on this time has ended'), 'end said');
    expect(manage.holds).to.have.length(2, 'renewed once only');
    await expect(el).to.be.accessible();
  });

  it('does not renew for a visitor who went away', async () => {
    manage.holdMs = 10_000;
    const el = await flow();
    await choose(el, 3);
    clock.ahead(11_000);
    await until(() => text(summaryOf(el)).includes('Your hold on this time has ended'), 'end said');
    expect(manage.holds).to.have.length(1);
  });

  it('is accessible in dark mode, held and ended', async () => {
    manage.holdMs = 10_000;
    const el = await flow('dark');
    await choose(el, 3);
    await expect(el).to.be.accessible();
    clock.ahead(11_000);
    await until(() => text(summaryOf(el)).includes('Your hold on this time has ended'), 'end said');
    await expect(el).to.be.accessible();
  });
});
