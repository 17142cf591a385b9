// Registers <hourly-calendar> (once per page) and exports its class: `import 'booking-flow/elements/hourly-calendar'`.
import { HourlyCalendar } from '../components/hourly-calendar/hourly-calendar.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('hourly-calendar', HourlyCalendar);
export { HourlyCalendar };
