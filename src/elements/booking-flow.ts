// Registers <booking-flow> and every step it renders by default (once per page), and exports its class:
// `import 'booking-flow/elements/booking-flow'` alone gives a working flow.
import { BookingFlow } from '../components/booking-flow/booking-flow.js';
import { defineOnce } from '../internal/define-once.js';
import './theme-toggle.js';
import './branch-selector.js';
import './service-selector.js';
import './staff-selector.js';
import './availability-loader.js';
import './booking-summary.js';

defineOnce('booking-flow', BookingFlow);
export { BookingFlow };
