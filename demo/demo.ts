// The demo pages' script: the state the URL asks for, the widget (as the script-tag build registers it) and a live
// log of its events.
import '../src/cdn.js';
import type { BookingEventName } from '../src/index.js';
import { applyGalleryState, listGallery } from './gallery-state.js';

applyGalleryState();
listGallery();

const EVENTS: (BookingEventName | 'time-zone-changed')[] = [
  'branch-selected',
  'service-selected',
  'staff-selected',
  'week-changed',
  'availability-loaded',
  'availability-error',
  'slot-selected',
  'booking-confirmed',
  'booking-failed',
  'theme-changed',
  'time-zone-changed',
];
const MAX_ENTRIES = 50;

/** A short, readable detail: functions named, long week data summarised. */
function describe(detail: unknown): string {
  return JSON.stringify(
    detail,
    (key, value: unknown) => {
      if (typeof value === 'function') return `ƒ ${key}()`;
      if (key === 'weekData' && value && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown[]>).map(([day, slots]) => [day, `${slots.length} slots`]),
        );
      }
      if (key === 'days' && Array.isArray(value)) return `${value.length} days`;
      return value;
    },
    2,
  );
}

const log = document.querySelector<HTMLOListElement>('#event-log');
if (log) {
  for (const type of EVENTS) {
    document.addEventListener(type, (event) => {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = type;
      const time = document.createElement('time');
      time.textContent = new Date().toLocaleTimeString();
      const detail = document.createElement('pre');
      detail.textContent = describe((event as CustomEvent).detail);
      item.append(name, ' ', time, detail);
      log.prepend(item);
      while (log.children.length > MAX_ENTRIES) log.lastElementChild?.remove();
    });
  }
}

// The sandbox's "someone else booked": the first free time of the shown week, booked straight on the simulated
// Cal.com (POST /booking-api/sandbox/book-elsewhere). The proxy hears of it by webhook and tells every open page.
const elsewhere = document.querySelector<HTMLButtonElement>('#book-elsewhere');
const status = document.querySelector('#elsewhere-status');
let shownWeek: HTMLElementEventMap['availability-loaded']['detail'] | undefined;
// Typed on document too: every event bubbles out to it.
document.addEventListener('availability-loaded', (event) => (shownWeek = event.detail));
elsewhere?.addEventListener('click', () => void bookElsewhere());

async function bookElsewhere(): Promise<void> {
  const flow = document.querySelector('booking-flow');
  const { serviceId, staffId } = flow?.currentSelection ?? {};
  const first = shownWeek && Object.values(shownWeek.weekData).flat()[0];
  if (!status) return;
  if (!serviceId || !first) {
    status.textContent = 'Choose a service with free times this week first.';
    return;
  }
  const response = await fetch('/booking-api/sandbox/book-elsewhere', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: serviceId, staff: staffId, start: first.fullDatetime }),
  });
  status.textContent = response.ok
    ? `Booked ${first.date} ${first.time} elsewhere; watch it go.`
    : 'That time could not be booked (already taken?).';
}
