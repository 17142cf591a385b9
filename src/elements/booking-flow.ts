// Registers <booking-flow> (once per page) and exports its class: `import 'booking-flow/elements/booking-flow'`.
import { BookingFlow } from '../components/booking-flow/booking-flow.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('booking-flow', BookingFlow);
export { BookingFlow };
