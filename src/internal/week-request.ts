/**
 * PageUp/PageDown in a calendar: the loader around it changes week. Internal between the two: it bubbles to the
 * calendar's light-DOM parent but is not composed, so it never leaves the widget, and it is no public event.
 */
export const WEEK_REQUESTED = 'booking-flow:week-requested';

export interface WeekRequest {
  /** Weeks to move, -1 or 1. */
  offset: number;
}

export function requestWeek(calendar: HTMLElement, offset: number): void {
  calendar.dispatchEvent(new CustomEvent<WeekRequest>(WEEK_REQUESTED, { detail: { offset }, bubbles: true }));
}
