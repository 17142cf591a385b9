// Registers every element (guarded: a second copy on the page warns instead of throwing).
// The flow is defined first so that its steps find it as a context provider when they upgrade.
import { AvailabilityLoader } from './components/availability-loader/availability-loader.js';
import { BookingFlow } from './components/booking-flow/booking-flow.js';
import { BookingSummary } from './components/booking-summary/booking-summary.js';
import { BranchSelector } from './components/branch-selector/branch-selector.js';
import { HourlyCalendar } from './components/hourly-calendar/hourly-calendar.js';
import { ServiceSelector } from './components/service-selector/service-selector.js';
import { StaffSelector } from './components/staff-selector/staff-selector.js';
import { ThemeToggle } from './components/theme-toggle/theme-toggle.js';
import { defineOnce } from './internal/define-once.js';

defineOnce('booking-flow', BookingFlow);
defineOnce('theme-toggle', ThemeToggle);
defineOnce('branch-selector', BranchSelector);
defineOnce('service-selector', ServiceSelector);
defineOnce('staff-selector', StaffSelector);
defineOnce('availability-loader', AvailabilityLoader);
defineOnce('hourly-calendar', HourlyCalendar);
defineOnce('booking-summary', BookingSummary);
