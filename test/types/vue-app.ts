// What Vue 3's type checker sees for the elements in a template: their props and their listeners.
import type { GlobalComponents } from 'vue';
import type {} from '../../src/frameworks/vue.js';

type PropsOf<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];

export const flow: PropsOf<'booking-flow'> = {
  proxyUrl: '/booking-api',
  theme: 'auto',
  'week-starts-on': 'sunday',
  onBookingConfirmed: (e) => e.detail.booking.uid,
  onDurationSelected: (e) => e.detail.durationMinutes,
};

export const summary: PropsOf<'booking-summary'> = {
  prefill: { email: 'ada@example.com' },
  onBookingCancelled: (e) => e.detail.uid,
};

// @ts-expect-error: hour-cycle is h12 or h23
export const wrongCycle: PropsOf<'booking-flow'> = { hourCycle: 'h24' };

// @ts-expect-error: the detail of slot-selected has a slot, not a booking
export const wrongDetail: PropsOf<'hourly-calendar'> = { onSlotSelected: (e) => void e.detail.booking };
