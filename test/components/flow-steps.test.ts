import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { gate, mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, text, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { dateFormat, numberFormat } from '../../src/model/intl.js';

const proxy = mockProxy();

const radios = (flow: BookingFlow, step: string) => deepAll<HTMLInputElement>(deep(flow, step), 'input[type="radio"]');
const radio = (flow: BookingFlow, step: string, value: string) =>
  deep<HTMLInputElement>(flow, step, `input[value="${value}"]`);
const slotButtons = (flow: BookingFlow) =>
  deepAll<HTMLButtonElement>(deep(flow, 'availability-loader', 'hourly-calendar'), 'button.slot');

/** Waits until the loader shows the week it fetched last, for `staff` (null: any available). */
async function weekShownFor(loader: Element, staff: string | null) {
  await until(
    () => proxy.requests.length > 0 && proxy.requests.at(-1)!.searchParams.get('staff') === staff,
    `fetched for ${staff}`,
  );
  await until(
    () =>
      deep(loader, '.body').getAttribute('aria-busy') === 'false' &&
      deepAll(deep(loader, 'hourly-calendar'), 'button.slot').length === 4,
    'week shown',
  );
}

type Preselected = Partial<Record<'branch' | 'service' | 'staff', string>>;

/** A flow with its default steps, just made. */
function flowWith(attrs: Preselected = {}) {
  return fixture<BookingFlow>(html`
    <booking-flow
      proxy-url="/api"
      time-zone="Europe/Berlin"
      locale="en-GB"
      theme="light"
      branch=${attrs.branch ?? ''}
      service=${attrs.service ?? ''}
      staff=${attrs.staff ?? ''}
    ></booking-flow>
  `);
}

/** A flow with its default steps, once the catalog is shown. */
async function defaultFlow(attrs: Preselected = {}) {
  const el = await flowWith(attrs);
  await until(() => radios(el, 'service-selector').length > 0, 'catalog shown');
  return el;
}

describe('<booking-flow> steps: branch, service, staff', () => {
  frozenDate();
  afterEach(() => {
    localStorage.clear();
  });

  it('filters services by the chosen branch and staff by the chosen service', async () => {
    const el = await defaultFlow();
    expect(radios(el, 'service-selector').map((r) => r.value)).to.deep.equal(['haircut', 'coaching']);
    radio(el, 'branch-selector', 'online').click();
    await until(() => radios(el, 'service-selector').length === 1, 'services of the online branch');
    expect(radios(el, 'service-selector')[0]!.value).to.equal('coaching');
    radio(el, 'service-selector', 'coaching').click();
    await until(() => radios(el, 'staff-selector').length === 2, 'staff of coaching');
    expect(radios(el, 'staff-selector').map((r) => r.value)).to.deep.equal(['', 'chloe']);
    expect(radio(el, 'staff-selector', '').checked, '"any available" is the default').to.equal(true);
  });

  it('resets later choices when an earlier one changes, and never shows the old week meanwhile', async () => {
    const el = await defaultFlow();
    radio(el, 'branch-selector', 'berlin').click();
    await until(() => radios(el, 'service-selector').length === 1, 'berlin services');
    radio(el, 'service-selector', 'haircut').click();
    await until(() => radios(el, 'staff-selector').length === 2, 'haircut staff');
    await weekShownFor(deep(el, 'availability-loader'), null);
    slotButtons(el)[0]!.click();
    await until(() => el.currentSelection.slot !== null, 'slot chosen');

    const held = gate();
    proxy.gate = held.promise;
    radio(el, 'staff-selector', 'anna').click();
    await until(() => proxy.requests.at(-1)!.searchParams.get('staff') === 'anna', "fetching Anna's week");
    expect(el.currentSelection.slot, 'the slot is reset').to.equal(null);
    expect(
      slotButtons(el).filter((b) => b.checkVisibility()),
      'no slot of the old choice is shown',
    ).to.have.length(0);
    expect(deepAll(deep(el, 'availability-loader'), '[part="skeleton"]')).to.have.length(1);
    held.open();
    await weekShownFor(deep(el, 'availability-loader'), 'anna');

    radio(el, 'branch-selector', 'online').click();
    await until(() => el.currentSelection.serviceId === null, 'service reset');
    expect(el.currentSelection).to.deep.equal({
      branchId: 'online',
      serviceId: null,
      staffId: null,
      durationMinutes: null,
      slot: null,
    });
    expect(text(deep(el, 'availability-loader'))).to.include('Choose a service');
    expect(text(deep(el, 'staff-selector'))).to.include('Choose a service');
  });

  it('takes preselected branch, service and staff from its attributes', async () => {
    const el = await defaultFlow({ branch: 'berlin', service: 'haircut', staff: 'anna' });
    await until(() => slotButtons(el).length === 4, 'preselected week loaded');
    expect(proxy.requests[0]!.searchParams.get('service')).to.equal('haircut');
    expect(proxy.requests[0]!.searchParams.get('staff')).to.equal('anna');
    expect(radio(el, 'branch-selector', 'berlin').checked).to.equal(true);
    expect(radio(el, 'service-selector', 'haircut').checked).to.equal(true);
    expect(radio(el, 'staff-selector', 'anna').checked).to.equal(true);
  });

  it('asks for the preselected week beside the catalog, not after it (issue 18), and only once', async () => {
    const catalogHeld = gate();
    proxy.catalogGate = catalogHeld.promise;
    const el = await flowWith({ branch: 'berlin', service: 'haircut', staff: 'anna' });
    await until(() => proxy.requests.length === 1, 'the week asked for while the catalog is on its way');
    // No step but the theme toggle (made while the answers are on their way), and nothing shown.
    expect(deepAll(el, '.steps > *').filter((step) => step.localName !== 'theme-toggle')).to.have.length(0);
    expect(deep(el, '[part="steps"]').checkVisibility(), 'no step shown while the catalog is on its way').to.equal(
      false,
    );
    catalogHeld.open();
    await until(() => slotButtons(el).length === 4, 'the week shown once the catalog confirms the ids');
    expect(proxy.requests).to.have.length(1);
    expect(proxy.requests[0]!.searchParams.get('staff')).to.equal('anna');
  });

  it("sends the first week's request first, with the settings, then the catalog's (issue 18)", async () => {
    performance.clearResourceTimings();
    const el = await flowWith({ branch: 'berlin', service: 'haircut', staff: 'anna' });
    await until(() => slotButtons(el).length === 4, 'the week shown');
    const started = (path: string) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === path)
        .map((entry) => entry.startTime);
    expect(started('/api/catalog')).to.have.length(1);
    expect(started('/api/slots')).to.have.length(1);
    // Firefox coarsens timers: both may start in the same millisecond. Which came first, the mock saw.
    expect(started('/api/slots')[0]).to.be.at.most(started('/api/catalog')[0]!);
    expect(proxy.arrivals).to.deep.equal(['/api/slots', '/api/catalog']);
  });

  it("starts in tasks of its own: the settings with the first week's request, then the first update with the catalog's; the steps come with the answers", async () => {
    const steps = () => deepAll(el, '.steps > *').map((step) => step.localName);
    // Each request, and whether the flow had updated once the task that sent it had run its microtasks.
    const sent: { path: string; updated: boolean }[] = [];
    const realFetch = window.fetch.bind(window);
    const fetch = sinon.stub(window, 'fetch').callsFake((input, init) => {
      const path = new URL(input as string, location.href).pathname;
      void (async () => {
        for (let i = 0; i < 20; i++) await Promise.resolve();
        sent.push({ path, updated: el.hasUpdated });
      })();
      return realFetch(input, init);
    });
    const el = Object.assign(document.createElement('booking-flow'), { proxyUrl: '/api', locale: 'en-GB' });
    el.setAttribute('time-zone', 'Europe/Berlin');
    el.setAttribute('service', 'haircut');
    el.setAttribute('staff', 'anna');
    try {
      document.body.append(el);
      for (let i = 0; i < 20; i++) await Promise.resolve();
      expect(el.hasUpdated, 'no update in the task that connected it').to.equal(false);
      expect(sent, 'no request in the task that connected it').to.deep.equal([]);
      await el.updateComplete;
      expect(steps(), 'no step in the first update').to.deep.equal([]);
      await until(() => sent.length === 2, 'both requests sent');
      expect(sent).to.deep.equal([
        { path: '/api/slots', updated: false },
        { path: '/api/catalog', updated: true },
      ]);
      await until(() => slotButtons(el).length === 4, 'the week shown');
    } finally {
      fetch.restore();
      el.remove();
    }
  });

  it('makes its steps once the catalog and the first week are in, then shows them whole (issue 18)', async () => {
    const held = gate();
    proxy.gate = held.promise;
    const el = await flowWith({ branch: 'berlin', service: 'haircut', staff: 'anna' });
    // The preselection applies once the catalog knows its ids.
    await until(() => el.currentSelection.staffId === 'anna' && proxy.requests.length === 1, 'catalog in, week asked');
    await el.updateComplete;
    // While the week is on its way, only the theme toggle, which waits for no answer, is rendered, out of sight:
    // its first render then costs the first paint nothing. No other step (nor a loading state) is rendered.
    const steps = deep(el, '[part="steps"]');
    expect(
      [...steps.children].map((step) => step.localName),
      'steps while the week is on its way',
    ).to.deep.equal(['theme-toggle']);
    expect(deep(el, 'theme-toggle', 'fieldset'), 'the toggle rendered').to.be.instanceOf(HTMLFieldSetElement);
    expect(steps.checkVisibility()).to.equal(false);
    expect(steps.getBoundingClientRect().height).to.equal(0);
    // The locale's first date and number formatters are made meanwhile too: asked for now, they are found, not made.
    const made = [sinon.spy(Intl, 'DateTimeFormat'), sinon.spy(Intl, 'NumberFormat')];
    try {
      dateFormat('en-GB', {});
      numberFormat('en-GB', {});
      expect(made.map((spy) => spy.callCount)).to.deep.equal([0, 0]);
    } finally {
      for (const spy of made) spy.restore();
    }
    const toggle = steps.children[0];
    held.open();
    await until(() => slotButtons(el).length === 4, 'the week in');
    await el.updateComplete;
    // All six at once (booking-flow.test.ts names them).
    expect(steps.children).to.have.length(6);
    expect(steps.children[0], 'the toggle kept, not made again').to.equal(toggle);
    expect(slotButtons(el).every((b) => b.checkVisibility())).to.equal(true);
    expect(radio(el, 'service-selector', 'haircut').checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows its steps with their loading states when the first week takes longer than the hold (issue 18)', async () => {
    const held = gate();
    proxy.gate = held.promise;
    const el = await flowWith({ branch: 'berlin', service: 'haircut', staff: 'anna' });
    await until(
      () => deep(el, 'availability-loader', '[part="skeleton"]').checkVisibility(),
      'the loading state shown',
    );
    expect(radio(el, 'service-selector', 'haircut').checkVisibility()).to.equal(true);
    expect(slotButtons(el)).to.have.length(0);
    held.open();
    await until(() => slotButtons(el).length === 4, 'the week in');
  });

  it('shows its steps once the catalog is in when no service is preselected, not after the hold (issue 18)', async () => {
    const el = await defaultFlow();
    await el.updateComplete;
    expect(deep(el, 'branch-selector').checkVisibility()).to.equal(true);
    expect(radios(el, 'service-selector').every((r) => r.checkVisibility())).to.equal(true);
  });

  it('says clearly when a preselected id is unknown, and lets the visitor choose', async () => {
    const el = await defaultFlow({ service: 'nails', staff: 'zoe' });
    const notice = deep(el, '[part="notice"]');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(text(notice)).to.include('service "nails"').and.include('staff member "zoe"').and.include('do not exist');
    expect(el.currentSelection.serviceId).to.equal(null);
    // The one week asked for beside the catalog, on the ids as given; nothing after, and nothing of it shown.
    await until(() => proxy.requests.length === 1, 'the start-up request');
    expect(proxy.requests.map((r) => r.searchParams.get('service'))).to.deep.equal(['nails']);
    expect(text(deep(el, 'availability-loader'))).to.include('Choose a service');
    await expect(el).to.be.accessible();
  });

  it("uses the author's steps: no branch step, staff before service", async () => {
    const el = await fixture<BookingFlow>(html`
      <booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB" theme="light">
        <staff-selector></staff-selector>
        <service-selector></service-selector>
        <availability-loader></availability-loader>
        <booking-summary></booking-summary>
      </booking-flow>
    `);
    expect(el.shadowRoot!.querySelector('.steps, branch-selector')).to.equal(null);
    expect([...el.children].map((c) => c.localName)).to.deep.equal([
      'staff-selector',
      'service-selector',
      'availability-loader',
      'booking-summary',
    ]);
    const service = el.querySelector('service-selector')!;
    await until(() => deepAll(service, 'input').length === 2, 'services');
    deep<HTMLInputElement>(service, 'input[value="haircut"]').click();
    const staff = el.querySelector('staff-selector')!;
    await until(() => deepAll(staff, 'input').length === 2, 'staff follows the service chosen below it');
    deep<HTMLInputElement>(staff, 'input[value="anna"]').click();
    await weekShownFor(el.querySelector('availability-loader')!, 'anna');
    const calendar = deep(el.querySelector('availability-loader')!, 'hourly-calendar');
    deepAll<HTMLButtonElement>(calendar, 'button.slot')[1]!.click();
    await until(() => text(el.querySelector('booking-summary')!).includes('Anna Berg'), 'summary of the choice');
  });
});
