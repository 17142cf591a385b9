import { useState } from 'react';
import 'booking-flow/define';
import type {} from 'booking-flow/react'; // JSX typings: every element, its props and typed event details

// React 19 sets properties on custom elements and listens to their events natively: on + the event's name.
export function Booking() {
  const [bookedAt, setBookedAt] = useState<string>();
  return (
    <>
      <booking-flow
        proxy-url="/booking-api"
        locale="en-GB"
        prefill={{ name: 'Ada Lovelace', email: 'ada@example.com' }}
        onbooking-confirmed={(e) => setBookedAt(e.detail.booking.start)}
      />
      {bookedAt && <p role="status">See you on {new Date(bookedAt).toLocaleString('en-GB')}.</p>}
    </>
  );
}
