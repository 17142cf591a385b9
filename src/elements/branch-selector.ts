// Registers <branch-selector> (once per page) and exports its class: `import 'booking-flow/elements/branch-selector'`.
import { BranchSelector } from '../components/branch-selector/branch-selector.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('branch-selector', BranchSelector);
export { BranchSelector };
