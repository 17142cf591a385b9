// The proxy's public API: a web-standard fetch handler for any runtime, its config parser and the Node server.
export { createProxy, DEFAULT_CALCOM_BASE_URL, type BookingProxy, type ProxyOptions } from './handler.js';
export { parseConfig, ConfigError, type ProxyConfig, type ProxyConfigInput } from './config.js';
export { startNodeServer, type NodeServerOptions, type RunningServer } from './node-server.js';
export { createSandbox } from '../sandbox/sandbox.js';
export { demoConfig } from '../sandbox/demo-data.js';
