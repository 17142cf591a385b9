/**
 * Resolves once the browser has a moment with nothing to do (a task later where it cannot tell: Safari), so that
 * what the first week does not need leaves start-up alone (issue 18).
 */
export const idle = (): Promise<unknown> =>
  new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve));
