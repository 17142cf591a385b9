import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import type { BookingEventName } from '../../src/public/events.js';
import { catalog, mockProxy } from '../helpers/proxy-mock.js';
import { deep, deepAll, until } from '../helpers/dom.js';
import { frozenDate } from '../helpers/clock.js';
import { typeText } from '../helpers/keyboard.js';

const proxy = mockProxy();

/** SPEC.md "Events": every public event, in the order the flow below makes them happen. */
const SPEC_EVENTS: BookingEventName[] = [
  'theme-changed',
  'branch-selected',
  'service-selected',
  'availability-loaded',
  'staff-selected',
  'week-changed',
  'slot-selected',
  'booking-failed',
  'booking-confirmed',
  'availability-error',
];

describe('events (SPEC.md table)', () => {
  frozenDate();
  afterEach(() => {
    localStorage.clear();
  });

  it('fires every event with its detail, bubbling and composed out of the shadow roots to the document', async () => {
    const seen = new Map<string, CustomEvent>();
    const record = (e: Event) => {
      const event = e as CustomEvent;
      // Only events that crossed every shadow boundary reach the document with the flow as their target.
      if (event.bubbles && event.composed && !seen.has(event.type)) seen.set(event.type, event);
    };
    for (const type of SPEC_EVENTS) document.addEventListener(type, record);
    try {
      const el = await fixture<BookingFlow>(
        html`<booking-flow proxy-url="/api" time-zone="Europe/Berlin" locale="en-GB"></booking-flow>`,
      );
      const click = (step: string, value: string) =>
        deep<HTMLInputElement>(el, step, `input[value="${value}"]`).click();
      await until(() => deepAll(deep(el, 'branch-selector'), 'input').length === 2, 'catalog');
      click('theme-toggle', 'dark');
      click('branch-selector', 'berlin');
      await el.updateComplete;
      click('service-selector', 'haircut');
      await until(() => seen.has('availability-loaded'), 'loaded');
      await until(() => deepAll(deep(el, 'staff-selector'), 'input').length === 2, 'staff');
      click('staff-selector', 'anna');
      const loader = deep(el, 'availability-loader');
      deep<HTMLButtonElement>(loader, 'button[aria-label="Next week"]').click();
      await until(() => seen.has('week-changed'), 'week changed');
      deep<HTMLButtonElement>(loader, 'button[aria-label="Previous week"]').click();
      const calendar = deep(loader, 'hourly-calendar');
      await until(
        () =>
          deepAll(calendar, 'button.slot').length === 4 &&
          proxy.requests.at(-1)!.searchParams.get('start') === '2025-10-19',
        'this week again',
      );
      await until(() => deep(loader, '.body').getAttribute('aria-busy') === 'false', 'loaded');
      deepAll<HTMLButtonElement>(deep(loader, 'hourly-calendar'), 'button.slot')[3]!.click();
      const summary = deep(el, 'booking-summary');
      await until(() => deepAll(summary, 'form').length === 1, 'form');
      deep<HTMLInputElement>(summary, '#name').focus();
      await typeText('Ada');
      deep<HTMLInputElement>(summary, '#email').focus();
      await typeText('ada@example.com');
      proxy.bookingFailsWith = { status: 502, code: 'upstream_error', message: 'The booking service answered 500.' };
      deep<HTMLButtonElement>(summary, 'button[type="submit"]').click();
      await until(() => seen.has('booking-failed'), 'failed');
      proxy.bookingFailsWith = undefined;
      deep<HTMLButtonElement>(summary, 'button[type="submit"]').click();
      await until(() => seen.has('booking-confirmed'), 'confirmed');
      proxy.failWith = { status: 503, code: 'upstream_rate_limited', message: 'Try again shortly.' };
      deep<HTMLButtonElement>(loader, 'button[aria-label="Next week"]').click();
      await until(() => seen.has('availability-error'), 'error');

      expect([...seen.keys()].sort()).to.deep.equal([...SPEC_EVENTS].sort());
      const detail = (type: BookingEventName) => seen.get(type)!.detail as Record<string, unknown>;
      expect(detail('theme-changed')).to.deep.equal({ theme: 'dark' });
      expect(detail('branch-selected')).to.deep.equal({ branchId: 'berlin', branch: catalog.branches[0] });
      expect(detail('service-selected')).to.deep.equal({ serviceId: 'haircut', service: catalog.services[0] });
      expect(detail('staff-selected')).to.deep.equal({ staffId: 'anna', staff: catalog.staff[0] });
      expect(detail('week-changed')).to.deep.equal({ weekStart: '2025-10-27' });
      const loaded = detail('availability-loaded') as {
        weekData: Record<string, unknown[]>;
        weekMetadata: { weekStart: string; totalSlots: number; timeZone: string };
      };
      expect(Object.keys(loaded.weekData)).to.have.members([
        'monday',
        'tuesday',
        'wednesday',
        'thursday',
        'friday',
        'saturday',
        'sunday',
      ]);
      expect(loaded.weekMetadata).to.include({ weekStart: '2025-10-20', totalSlots: 4, timeZone: 'Europe/Berlin' });
      expect(detail('slot-selected')).to.deep.equal({
        slot: {
          time: '10:00',
          fullDatetime: '2025-10-22T10:00:00+02:00',
          date: '2025-10-22',
          dayName: 'wednesday',
          durationMinutes: 30,
        },
      });
      expect(detail('booking-failed')).to.deep.equal({
        error: { code: 'upstream_error', message: 'The booking service answered 500.' },
      });
      expect((detail('booking-confirmed').booking as { uid: string; service: string }).service).to.equal('haircut');
      const failure = detail('availability-error') as { error: { code: string; message: string }; retry: () => void };
      expect(failure.error).to.deep.equal({ code: 'upstream_rate_limited', message: 'Try again shortly.' });
      expect(failure.retry).to.be.a('function');
      proxy.failWith = undefined;
      const requests = proxy.requests.length;
      failure.retry();
      await until(() => proxy.requests.length === requests + 1, 'retry() fetches again');
      expect(el.getAttribute('theme')).to.equal('dark');
    } finally {
      for (const type of SPEC_EVENTS) document.removeEventListener(type, record);
    }
  });
});
