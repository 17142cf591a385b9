// Registers <theme-toggle> (once per page) and exports its class: `import 'booking-flow/elements/theme-toggle'`.
import { ThemeToggle } from '../components/theme-toggle/theme-toggle.js';
import { defineOnce } from '../internal/define-once.js';

defineOnce('theme-toggle', ThemeToggle);
export { ThemeToggle };
