// Registers <staff-selector> (once per page) and exports its class: `import 'booking-flow/elements/staff-selector'`.
import { StaffSelector } from '../components/staff-selector/staff-selector.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('staff-selector', StaffSelector);
export { StaffSelector };
