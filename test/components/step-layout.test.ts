import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { BOOKED, mockProxy } from '../helpers/proxy-mock.js';
import { slotButtons, stepOf } from '../helpers/flows.js';
import { deep, deepAll, nextEvent, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { focused, press } from '../helpers/keyboard.js';

const proxy = mockProxy();

// Issue 19: layout="steps" shows one step at a time under a header (where the visitor is, Back, the choices so
// far as chips); "auto" does so in a narrow container.

const STEP_TAGS = ['branch-selector', 'service-selector', 'staff-selector', 'availability-loader', 'booking-summary'];

/** The default steps that show (display is not none). */
const shownSteps = (flow: BookingFlow) =>
  STEP_TAGS.filter((tag) => getComputedStyle(deep(flow, tag)).display !== 'none');
const header = (flow: BookingFlow) => deep(flow, '.step-header');
const title = (flow: BookingFlow) => deep(flow, '.step-title').textContent.replace(/\s+/g, ' ').trim();
const chips = (flow: BookingFlow) =>
  deepAll<HTMLButtonElement>(flow, '.chip').map((chip) => chip.textContent.replace(/\s+/g, ' ').trim());
const button = (flow: BookingFlow, part: string) => deepAll<HTMLButtonElement>(flow, `[part="${part}"]`)[0];
const radio = (flow: BookingFlow, step: string, value: string) =>
  deep<HTMLInputElement>(flow, step, `input[value="${value}"]`);

interface Attributes {
  service?: string;
  staff?: string;
  history?: boolean;
  width?: string;
  reschedule?: string;
}

function flowWith(layout: string, attrs: Attributes = {}) {
  return fixture<HTMLElement>(html`
    <div style="width: ${attrs.width ?? '360px'}">
      <booking-flow
        proxy-url="/api"
        time-zone="Europe/Berlin"
        locale="en-GB"
        theme="light"
        layout=${layout}
        ?step-history=${attrs.history}
        branch=${attrs.service ? 'berlin' : ''}
        service=${attrs.service ?? ''}
        staff=${attrs.staff ?? ''}
        reschedule-uid=${attrs.reschedule ?? ''}
      ></booking-flow>
    </div>
  `).then(async (frame) => {
    // The fixture waited for the frame; the flow's steps come with its answers (stepOf waits for them).
    const flow = frame.querySelector('booking-flow')!;
    await flow.updateComplete;
    return flow;
  });
}

async function stepsFlow(layout = 'steps', attrs: Attributes = {}) {
  const flow = await flowWith(layout, attrs);
  await until(() => deepAll(flow, '.step-title').length > 0 && !title(flow).includes('Loading'), 'the header');
  await until(() => deepAll(deep(flow, 'branch-selector'), 'input').length > 0, 'the locations');
  return flow;
}

/** What the header says and which step shows, once they agree on `step`. */
async function at(flow: BookingFlow, step: string, name: string) {
  await until(() => shownSteps(flow).join() === step && title(flow).endsWith(name), `${name} shown`);
}

describe('<booking-flow layout="steps">', () => {
  frozenDate();
  afterEach(() => localStorage.clear());

  it('shows one step at a time; a choice moves on, focus goes to the new step, chips go back', async () => {
    const flow = await stepsFlow();
    expect(shownSteps(flow)).to.deep.equal(['branch-selector']);
    expect(title(flow)).to.equal('Step 1 of 5 Location');
    expect(button(flow, 'back-button'), 'no Back on the first step').to.equal(undefined);
    expect(deep(flow, 'nav').getAttribute('aria-label')).to.equal('Booking steps');

    radio(flow, 'branch-selector', 'berlin').click();
    await at(flow, 'service-selector', 'Service');
    expect(title(flow)).to.equal('Step 2 of 5 Service');
    expect(focused()).to.equal(deep(flow, '.step-title'));
    expect(chips(flow)).to.deep.equal(['Change Location: Berlin Mitte']);

    radio(flow, 'service-selector', 'haircut').click();
    await at(flow, 'staff-selector', 'Staff');
    radio(flow, 'staff-selector', 'anna').click();
    await at(flow, 'availability-loader', 'Time');
    expect(chips(flow)).to.deep.equal([
      'Change Location: Berlin Mitte',
      'Change Service: Haircut',
      'Change Staff: Anna Berg',
    ]);

    // A time: on to the form, whose heading takes focus (the flow's own handover).
    await until(() => slotButtons(flow).length === 4, 'the week');
    slotButtons(flow)[0]!.click();
    await at(flow, 'booking-summary', 'Your details');
    await until(() => focused()?.textContent === 'Your booking', 'the summary heading focused');
    expect(chips(flow).at(-1)).to.match(/^Change Time: Tue,? 21 Oct,? 09:00$/);

    // A chip goes back to its step; the later choices stay (they are still chips) until something changes.
    deepAll<HTMLButtonElement>(flow, '.chip')[1]!.click();
    await at(flow, 'service-selector', 'Service');
    expect(chips(flow)).to.have.length(3);
    button(flow, 'back-button')!.click();
    await at(flow, 'branch-selector', 'Location');
    expect(focused()).to.equal(deep(flow, '.step-title'));
  });

  it('waits for Next (or Enter) after a choice made with the arrow keys, and Next passes "any available"', async () => {
    const flow = await stepsFlow();
    radio(flow, 'branch-selector', 'berlin').focus();
    await press('ArrowDown');
    await until(() => flow.currentSelection.branchId === 'online', 'online chosen by arrow');
    await press('ArrowUp');
    await until(() => flow.currentSelection.branchId === 'berlin', 'berlin chosen by arrow');
    expect(shownSteps(flow), 'still at the location').to.deep.equal(['branch-selector']);
    expect(button(flow, 'next-button')!.textContent.trim()).to.equal('Next');
    await press('Enter');
    await at(flow, 'service-selector', 'Service');

    radio(flow, 'service-selector', 'haircut').click();
    await at(flow, 'staff-selector', 'Staff');
    expect(radio(flow, 'staff-selector', '').checked, 'any available is the default').to.equal(true);
    button(flow, 'next-button')!.click();
    await at(flow, 'availability-loader', 'Time');
    expect(chips(flow).at(-1)).to.equal('Change Staff: Any available');
    expect(button(flow, 'next-button'), 'no Next before a time').to.equal(undefined);
  });

  it('opens on the first step still to do, and a time taken meanwhile goes back to the week', async () => {
    const flow = await stepsFlow('steps', { service: 'haircut', staff: 'anna' });
    await at(flow, 'availability-loader', 'Time');
    expect(title(flow)).to.equal('Step 4 of 5 Time');
    await until(() => slotButtons(flow).length === 4, 'the week');
    slotButtons(flow)[1]!.click();
    await at(flow, 'booking-summary', 'Your details');
    flow.dispatchEvent(
      new CustomEvent('booking-failed', {
        detail: { error: { code: 'slot_unavailable', message: 'Taken' } },
        bubbles: true,
        composed: true,
      }),
    );
    await at(flow, 'availability-loader', 'Time');
  });

  it('keeps the confirmation in view; another booking goes back to the week', async () => {
    const flow = await stepsFlow('steps', { service: 'haircut', staff: 'anna' });
    await until(() => slotButtons(flow).length === 4, 'the week');
    slotButtons(flow)[0]!.click();
    await at(flow, 'booking-summary', 'Your details');
    const summary = deep(flow, 'booking-summary');
    const fields = { name: 'Ada Lovelace', email: 'ada@example.com' };
    for (const [id, value] of Object.entries(fields)) {
      await until(() => deepAll(summary, `#${id}`).length > 0, id);
      deep<HTMLInputElement>(summary, `#${id}`).value = value;
    }
    const booked = nextEvent(flow, 'booking-confirmed');
    deep<HTMLButtonElement>(summary, 'button[type="submit"]').click();
    await booked;
    await until(() => deepAll(summary, '[part~="confirmation"]').length > 0, 'the confirmation');
    expect(shownSteps(flow), 'the confirmation stays').to.deep.equal(['booking-summary']);
    deepAll<HTMLButtonElement>(summary, 'button')
      .find((b) => b.textContent.trim() === 'Book another time')!
      .click();
    await at(flow, 'availability-loader', 'Time');
    await until(() => deep(flow, 'availability-loader').matches(':focus-within'), 'focus in the week');
  });

  it('opens a booking to change on its panel (with cancel), and Back goes to the week for a new time', async () => {
    proxy.manage.bookings.set(BOOKED.uid, { ...BOOKED });
    const flow = await flowWith('steps', { reschedule: 'bk_old' });
    const summary = await stepOf(flow, 'booking-summary');
    await until(() => text(summary).includes('Current booking'), 'the booking to change');
    await until(() => flow.currentSelection.staffId === 'anna', 'its service and staff chosen');
    await at(flow, 'booking-summary', 'Your details');
    expect(text(summary)).to.include('Cancel booking');
    button(flow, 'back-button')!.click();
    await at(flow, 'availability-loader', 'Time');
    await until(() => slotButtons(flow).length > 0, 'Anna’s week');
    slotButtons(flow)[0]!.click();
    await at(flow, 'booking-summary', 'Your details');
    await until(() => text(summary).includes('New time'), 'the new time');
  });

  it('keeps each step in the browser history when the page opts in', async () => {
    const flow = await stepsFlow('steps', { history: true });
    radio(flow, 'branch-selector', 'berlin').click();
    await at(flow, 'service-selector', 'Service');
    radio(flow, 'service-selector', 'haircut').click();
    await at(flow, 'staff-selector', 'Staff');
    // (history.length stops growing at 50 entries in Chromium, which a long test run reaches.)
    expect(history.state).to.deep.equal({ bookingFlowStep: 'staff' });
    history.back();
    await at(flow, 'service-selector', 'Service');
    history.back();
    await at(flow, 'branch-selector', 'Location');
    history.forward();
    await at(flow, 'service-selector', 'Service');
  });

  it('leaves the browser history alone by default', async () => {
    const flow = await stepsFlow();
    const state: unknown = history.state;
    radio(flow, 'branch-selector', 'berlin').click();
    await at(flow, 'service-selector', 'Service');
    expect(history.state).to.equal(state);
  });

  it("lays out a page's own steps the same way", async () => {
    const flow = await fixture<BookingFlow>(html`
      <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" layout="steps">
        <service-selector></service-selector>
        <availability-loader></availability-loader>
        <booking-summary></booking-summary>
      </booking-flow>
    `);
    const own = (tag: string) => flow.querySelector(tag)!;
    const shown = () =>
      ['service-selector', 'availability-loader', 'booking-summary'].filter(
        (tag) => getComputedStyle(own(tag)).display !== 'none',
      );
    await until(() => deepAll(own('service-selector'), 'input').length > 0, 'the services');
    await until(() => title(flow) === 'Step 1 of 3 Service', 'the header over the own steps');
    expect(shown()).to.deep.equal(['service-selector']);
    deep<HTMLInputElement>(own('service-selector'), 'input[value="haircut"]').click();
    await until(() => title(flow) === 'Step 2 of 3 Time', 'the time step');
    expect(shown()).to.deep.equal(['availability-loader']);
  });

  for (const theme of ['light', 'dark'])
    it(`passes axe with its header and chips (${theme})`, async () => {
      const flow = await stepsFlow('steps', { service: 'haircut', staff: 'anna' });
      flow.theme = theme as 'light' | 'dark';
      await at(flow, 'availability-loader', 'Time');
      await until(() => chips(flow).length === 3, 'three chips');
      // Contrast is judged once the step has risen into place (it fades in).
      await Promise.all(
        deep(flow, 'availability-loader')
          .getAnimations()
          .map((animation) => animation.finished),
      );
      await expect(flow).to.be.accessible();
    });
});

describe('<booking-flow layout="auto">', () => {
  frozenDate();

  it('shows steps in a narrow container and every step in a wide one, by the container, not the viewport', async () => {
    const flow = await stepsFlow('auto');
    expect(shownSteps(flow)).to.deep.equal(['branch-selector']);
    expect(getComputedStyle(header(flow)).display).to.equal('block');
    flow.parentElement!.style.width = '900px';
    await until(() => shownSteps(flow).length === 5, 'every step');
    expect(getComputedStyle(header(flow)).display).to.equal('none');
    flow.parentElement!.style.width = '360px';
    await until(() => shownSteps(flow).length === 1, 'one step again');
  });

  it('loads nothing for the default page layout', async () => {
    const flow = await flowWith('page', { width: '360px' });
    await until(() => deepAll(deep(flow, 'service-selector'), 'input').length > 0, 'the services');
    expect(deepAll(flow, '.step-header')).to.have.length(0);
    expect(shownSteps(flow)).to.have.length(5);
  });

  it('fires the step events as before', async () => {
    const flow = await stepsFlow('auto');
    const chosen = nextEvent(flow, 'branch-selected');
    radio(flow, 'branch-selector', 'online').click();
    expect((await chosen).detail.branchId).to.equal('online');
  });
});

describe('motion', () => {
  frozenDate();

  /** Runs `test` with prefers-reduced-motion emulated (Chromium's CDP; the other engines skip). */
  async function withMotion(
    context: Mocha.Context,
    reducedMotion: 'reduce' | 'no-preference',
    test: () => Promise<void>,
  ) {
    const emulated = await emulateMedia({ reducedMotion }).then(
      () => true,
      () => false,
    );
    if (!emulated) context.skip();
    try {
      await test();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  }

  it('moves the step that comes in, and nothing under prefers-reduced-motion', async function () {
    await withMotion(this, 'no-preference', async () => {
      const flow = await stepsFlow();
      radio(flow, 'branch-selector', 'berlin').click();
      await at(flow, 'service-selector', 'Service');
      expect(getComputedStyle(deep(flow, 'service-selector')).animationName).to.equal('step-in');
    });
    await withMotion(this, 'reduce', async () => {
      const flow = await stepsFlow();
      radio(flow, 'branch-selector', 'berlin').click();
      await at(flow, 'service-selector', 'Service');
      expect(getComputedStyle(deep(flow, 'service-selector')).animationName).to.equal('none');
    });
  });

  it('stills the loading skeleton under prefers-reduced-motion (one run, never an endless flicker)', async function () {
    await withMotion(this, 'reduce', async () => {
      proxy.gate = new Promise(() => {});
      const flow = await flowWith('page', { service: 'haircut', staff: 'anna', width: '900px' });
      const loader = await stepOf(flow, 'availability-loader');
      await until(() => deepAll(loader, '.skeleton-day span').length > 0, 'the skeleton');
      const pulse = getComputedStyle(deepAll(loader, '.skeleton-day span')[0]!);
      // A load that lasts: the skeleton pulses after a moment (SLOW_LOAD_MS).
      await until(() => pulse.animationName === 'pulse', 'the pulse');
      expect(pulse.animationIterationCount).to.equal('1');
    });
  });
});
