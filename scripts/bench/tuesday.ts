/**
 * The coming Tuesday at 09:00 UTC (10:00 in Berlin), never today: a week that holds times whichever day a page runs
 * on. On a Saturday evening the current week is all but over, and the sandbox has no times left in it; it serves a
 * week ahead like any other. The bench's pages and the tests against a proxy on the real clock set their clock to it.
 */
export function comingTuesday(now = new Date()): Date {
  const tuesday = new Date(now);
  tuesday.setUTCDate(now.getUTCDate() + ((9 - now.getUTCDay()) % 7 || 7));
  tuesday.setUTCHours(9, 0, 0, 0);
  return tuesday;
}
