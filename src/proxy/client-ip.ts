import type { ProxyConfig } from './config.js';

/** `rateLimit.trustProxy`: no proxy, a count of trusted hops in front of the proxy, or their addresses. */
export type TrustProxy = ProxyConfig['rateLimit']['trustProxy'];

/**
 * The address a request came from, for rate limits. Behind trusted proxies it is the address the outermost
 * trusted hop saw, read from the right of X-Forwarded-For: every hop appends the address it saw, and anything
 * left of that is whatever the client chose to send.
 */
export function clientIp(forwardedFor: string | null, socketIp: string | undefined, trust: TrustProxy): string {
  // Without an IP (a runtime that gives none), every caller shares one budget: safe, if strict.
  const socket = socketIp ?? 'unknown';
  if (trust === false || trust === 0 || !forwardedFor) return socket;
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (typeof trust === 'number' || trust === true) {
    const count = trust === true ? 1 : trust;
    return hops[Math.max(0, hops.length - count)] ?? socket;
  }
  const trusted = new Set(trust.map(normalize));
  let address = socket;
  while (trusted.has(normalize(address)) && hops.length > 0) address = hops.pop()!;
  return address;
}

/** IPv4 addresses arrive as `::ffff:10.0.0.1` on dual-stack sockets. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
