import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { BookingFlow } from '../../src/components/booking-flow/booking-flow.js';
import { emit } from '../../src/public/events.js';

// Issue 16: the events are typed wherever a page listens, as the docs recommend: on document and on window too.
// `npm test` type-checks this file: without DocumentEventMap and WindowEventMap, `e.detail` would not compile.
describe('event typings on document and window', () => {
  it('hands a listener on document and on window the typed detail of an event from inside a flow', async () => {
    const seen: string[] = [];
    const onDocument = (e: DocumentEventMap['booking-cancelled']) => seen.push(`document ${e.detail.uid}`);
    const onWindow = (e: WindowEventMap['booking-cancelled']) => seen.push(`window ${e.detail.uid}`);
    document.addEventListener('booking-cancelled', onDocument);
    window.addEventListener('booking-cancelled', onWindow);
    document.addEventListener('duration-selected', (e) => seen.push(`minutes ${e.detail.durationMinutes}`), {
      once: true,
    });
    window.addEventListener('availability-error', (e) => seen.push(e.detail.error.code), { once: true });
    try {
      const flow = await fixture<BookingFlow>(html`<booking-flow></booking-flow>`);
      emit(flow, 'booking-cancelled', { uid: 'bk_1' });
      emit(flow, 'duration-selected', { durationMinutes: 30 });
      emit(flow, 'availability-error', { error: { code: 'network', message: '' }, retry: () => {} });
    } finally {
      document.removeEventListener('booking-cancelled', onDocument);
      window.removeEventListener('booking-cancelled', onWindow);
    }
    expect(seen).to.deep.equal(['document bk_1', 'window bk_1', 'minutes 30', 'network']);
  });
});
