// A React 19 + TypeScript component using the elements, as the README shows it. (TypeScript does not check JSX
// attribute names with a hyphen that a type does not declare, so a misspelt `onbooking-confirmd` passes unseen.)
import type {} from '../../src/frameworks/react.js';
import type { ConfirmedBooking, Prefill } from '../../src/index.js';

export function BookingPage({ onBooked }: { onBooked: (booking: ConfirmedBooking) => void }) {
  const prefill: Prefill = { name: 'Ada Lovelace', email: 'ada@example.com', readonly: ['email'] };
  return (
    <booking-flow
      proxy-url="/booking-api"
      theme="dark"
      week-starts-on="monday"
      prefill={prefill}
      prefill-from-url
      onbooking-confirmed={(e) => onBooked(e.detail.booking)}
      onavailability-error={(e) => console.warn(e.detail.error.code, e.detail.retry)}
      onduration-selected={(e) => console.log(e.detail.durationMinutes.toFixed())}
    >
      <service-selector branch="berlin" onservice-selected={(e) => console.log(e.detail.service.name)} />
      <availability-loader week-start="2026-12-07" duration={30} onslot-selected={(e) => e.detail.slot.time} />
      <booking-summary prefill={{ notes: 'Second floor' }} />
      <theme-toggle ontheme-changed={(e) => e.detail.theme} />
    </booking-flow>
  );
}

export const wrongTheme = (
  // @ts-expect-error: theme is light, dark or auto
  <booking-flow theme="blue" />
);

export const wrongDetail = (
  // @ts-expect-error: the detail of booking-confirmed has no `nope`
  <booking-flow onbooking-confirmed={(e) => void e.detail.nope} />
);
