/**
 * Holds the page's idle callbacks (requestIdleCallback) until `release`: what waits for an idle page (the form's
 * chunk, live updates) can be seen not to have started before it.
 */
export function holdIdleCallbacks(): { readonly held: number; release(): void } {
  const callbacks: IdleRequestCallback[] = [];
  const original = window.requestIdleCallback;
  window.requestIdleCallback = (callback) => callbacks.push(callback);
  return {
    get held() {
      return callbacks.length;
    },
    release() {
      window.requestIdleCallback = original;
      for (const callback of callbacks.splice(0)) callback({ didTimeout: false, timeRemaining: () => 50 });
    },
  };
}
