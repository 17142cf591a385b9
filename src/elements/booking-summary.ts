// Registers <booking-summary> (once per page) and exports its class: `import 'booking-flow/elements/booking-summary'`.
import { BookingSummary } from '../components/booking-summary/booking-summary.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('booking-summary', BookingSummary);
export { BookingSummary };
