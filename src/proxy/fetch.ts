// The proxy for runtimes without Node's server: the web-standard fetch handler, its config parser and the sandbox,
// importing no Node built-in (workerd, Deno, Bun, edge functions). The package's "workerd", "worker", "edge-light"
// and "browser" export conditions, and `booking-flow-proxy/fetch`, lead here; index.ts adds the Node server.
export { createProxy, DEFAULT_CALCOM_BASE_URL, type BookingProxy, type Health, type ProxyOptions } from './handler.js';
export { REDIS_CLIENT_OPTIONS } from './redis-guard.js';
export { parseConfig, ConfigError, type ProxyConfig, type ProxyConfigInput } from './config.js';
export { createSandbox } from '../sandbox/sandbox.js';
export { demoConfig } from '../sandbox/demo-data.js';
