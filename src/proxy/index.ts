// The proxy's public API: a web-standard fetch handler for any runtime, its config parser and the Node server.
export { createProxy, DEFAULT_CALCOM_BASE_URL, type BookingProxy, type Health, type ProxyOptions } from './handler.js';
export { REDIS_CLIENT_OPTIONS } from './redis-guard.js';
export { parseConfig, ConfigError, type ProxyConfig, type ProxyConfigInput } from './config.js';
export {
  startNodeServer,
  DEFAULT_CONNECTION_LIMITS,
  type ConnectionLimits,
  type NodeServerOptions,
  type RunningServer,
} from './node-server.js';
export { createSandbox } from '../sandbox/sandbox.js';
export { demoConfig } from '../sandbox/demo-data.js';
