// Registers every element (guarded: a second copy on the page warns instead of throwing).
// The flow is defined first so that its steps find it as a context provider when they upgrade.
import './elements/booking-flow.js';
import './elements/theme-toggle.js';
import './elements/branch-selector.js';
import './elements/service-selector.js';
import './elements/staff-selector.js';
import './elements/availability-loader.js';
import './elements/hourly-calendar.js';
import './elements/booking-summary.js';
