// The proxy's public API: a web-standard fetch handler for any runtime (fetch.ts), its config parser and the Node server.
export * from './fetch.js';
export {
  startNodeServer,
  DEFAULT_CONNECTION_LIMITS,
  type ConnectionLimits,
  type NodeServerOptions,
  type RunningServer,
} from './node-server.js';
