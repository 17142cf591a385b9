// Registers <service-selector> (once per page) and exports its class: `import 'booking-flow/elements/service-selector'`.
import { ServiceSelector } from '../components/service-selector/service-selector.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('service-selector', ServiceSelector);
export { ServiceSelector };
