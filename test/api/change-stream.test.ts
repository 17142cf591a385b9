import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { deep, deepAll, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { annasHaircut, slotButtons } from '../helpers/flows.js';
import { mockProxy, setConnection } from '../helpers/proxy-mock.js';

// Issue 18: once a week is shown and the page idle, the next one is fetched into the client's cache, so that
// "Next week" shows at once; not for a visitor who saves data or is on a slow connection.
const proxy = mockProxy();

const starts = () => proxy.requests.map((url) => url.searchParams.get('start'));
const loaderOf = (flow: HTMLElement) => deep(flow, 'availability-loader');
const weekButton = (flow: HTMLElement, label: 'Next week' | 'Previous week') =>
  deepAll<HTMLButtonElement>(loaderOf(flow), 'button').find((b) => b.getAttribute('aria-label') === label)!;
/** Two idle periods and a moment: long enough for a prefetch to have started. */
const idle = async () => {
  const whenIdle = window.requestIdleCallback ?? setTimeout; // WebKit has no requestIdleCallback
  for (let i = 0; i < 2; i++) await new Promise((done) => whenIdle(done, { timeout: 200 }));
  await new Promise((done) => setTimeout(done, 50));
};

describe('next-week prefetch', () => {
  frozenDate();
  beforeEach(() => (proxy.extraSlots = ['2025-10-28T09:00:00.000Z'])); // a time in the week after the shown one

  it('fetches the next week once the shown one is in, so "Next week" shows it at once, without a request', async () => {
    setConnection({ saveData: false, effectiveType: '4g' });
    const flow = await annasHaircut();
    // The shown week is asked with a day's padding either side: the next week's request starts six days later.
    await until(() => proxy.requests.length === 2, 'the next week prefetched');
    expect(starts()).to.deep.equal(['2025-10-19', '2025-10-26']);
    // Sent is not yet in: under load (a full run, Firefox) the answer can take longer than the idle wait below.
    await until(() => proxy.answered === 2, 'the next week answered');
    await idle();
    expect(proxy.requests, 'one week ahead, not a chain of them').to.have.length(2);

    weekButton(flow, 'Next week').click();
    // As a visitor sees it: the first frame after the click has the new week, and no loading state.
    await new Promise(requestAnimationFrame);
    expect(deep(loaderOf(flow), '.body').getAttribute('aria-busy'), 'no loading state').to.equal('false');
    expect(slotButtons(flow).map((b) => b.dataset.datetime)).to.deep.equal(['2025-10-28T10:00:00+01:00']);

    // Shown now, that week leads to the one after it; coming back is a hit, and asks for nothing.
    await until(() => proxy.requests.length === 3, 'the week after prefetched');
    expect(starts()[2]).to.equal('2025-11-02');
    deepAll<HTMLButtonElement>(loaderOf(flow), 'button')
      .find((b) => b.getAttribute('aria-label') === 'Previous week')!
      .click();
    await until(() => slotButtons(flow).length === 4, 'back on the first week');
    await idle();
    expect(proxy.requests).to.have.length(3);
  });

  for (const [who, line] of [
    ['a visitor who saves data', { saveData: true, effectiveType: '4g' }],
    ['a 2G connection', { saveData: false, effectiveType: '2g' }],
    ['a slow 2G connection', { saveData: false, effectiveType: 'slow-2g' }],
  ] as const)
    it(`fetches nothing early for ${who}`, async () => {
      setConnection(line);
      const flow = await annasHaircut();
      await idle();
      expect(starts()[0]).to.equal('2025-10-19');
      expect(starts(), 'the next week not asked for').not.to.include('2025-10-26');
      weekButton(flow, 'Next week').click();
      await until(() => starts().includes('2025-10-26') && slotButtons(flow).length === 1, 'the next week, asked now');
    });
});
