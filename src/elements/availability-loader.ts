// Registers <availability-loader> and the <hourly-calendar> it renders by default (once per page), and exports its
// class: `import 'booking-flow/elements/availability-loader'`.
import { AvailabilityLoader } from '../components/availability-loader/availability-loader.js';
import { defineOnce } from '../internal/define-once.js';
import './hourly-calendar.js';

defineOnce('availability-loader', AvailabilityLoader);
export { AvailabilityLoader };
