import type { ProxyConfig } from './config.js';

/** `rateLimit.trustProxy`: no proxy, a count of trusted hops in front of the proxy, or their addresses. */
export type TrustProxy = ProxyConfig['rateLimit']['trustProxy'];

/**
 * How to find the address a request came from, for rate limits. Behind trusted proxies it is the address the
 * outermost trusted hop saw, read from the right of X-Forwarded-For: every hop appends the address it saw, and
 * anything left of that is whatever the client chose to send. The header is read only behind trusted proxies (on
 * Node, touching headers costs the fast path), and a list of proxies is made into a set once.
 */
export function clientIpReader(trust: TrustProxy): (forwardedFor: () => string | null, socketIp?: string) => string {
  const trusted = Array.isArray(trust) ? new Set(trust.map(normalize)) : undefined;
  const count = trust === true ? 1 : typeof trust === 'number' ? trust : 0;
  return (forwardedFor, socketIp) => {
    // Without an IP (a runtime that gives none), every caller shares one budget: safe, if strict.
    const socket = socketIp ?? 'unknown';
    if (!trusted && count === 0) return socket;
    const header = forwardedFor();
    if (!header) return socket;
    const hops = header
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (!trusted) return hops[Math.max(0, hops.length - count)] ?? socket;
    let address = socket;
    while (trusted.has(normalize(address)) && hops.length > 0) address = hops.pop()!;
    return address;
  };
}

/** IPv4 addresses arrive as `::ffff:10.0.0.1` on dual-stack sockets. */
function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
