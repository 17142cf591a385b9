import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ElementClasses, ElementEvents, ElementProps, EventListenerOf, Tag } from './element-props.js';

// React 19 typings: `import type {} from 'booking-flow/react'` once (or list it in tsconfig "types") and every
// element is known to JSX with its properties, attributes and events. React 19 sets a custom element's properties
// when it has them (objects such as `prefill` pass as they are) and adds a listener for each `on<event>` prop,
// named exactly as the event: `onbooking-confirmed`.

type ReactEvents<T extends Tag> = { [E in ElementEvents[T] as `on${E}`]?: EventListenerOf<E> };

export type ReactElementProps<T extends Tag> = DetailedHTMLProps<HTMLAttributes<ElementClasses[T]>, ElementClasses[T]> &
  ElementProps<T> &
  ReactEvents<T>;

type BookingFlowElements = { [T in Tag]: ReactElementProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends BookingFlowElements {}
  }
}
