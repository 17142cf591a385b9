import type { DefineComponent } from 'vue';
import type { Camel, ElementEvents, ElementProps, EventListenerOf, Tag } from './element-props.js';

// Vue 3 typings: `import type {} from 'booking-flow/vue'` once and templates know every element's props and events
// (`@booking-confirmed` is `onBookingConfirmed` to Vue's type checker). Vue itself must still be told the tags are
// custom elements: `compilerOptions.isCustomElement: (tag) => BOOKING_FLOW_TAGS.includes(tag)` (see the README).

type VueEvents<T extends Tag> = { [E in ElementEvents[T] as `on${Capitalize<Camel<E>>}`]?: EventListenerOf<E> };

export type VueElementProps<T extends Tag> = ElementProps<T> & VueEvents<T>;

type BookingFlowComponents = { [T in Tag]: DefineComponent<VueElementProps<T>> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends BookingFlowComponents {}
}
