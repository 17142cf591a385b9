#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { demoConfig } from '../sandbox/demo-data.js';
import { ConfigError, parseConfig } from './config.js';
import { createProxy } from './handler.js';
import { DEFAULT_CONNECTION_LIMITS, startNodeServer } from './node-server.js';
import { REDIS_CLIENT_OPTIONS } from './redis-guard.js';

const USAGE = `Usage: booking-flow-proxy [--config booking-proxy.json] [--port 8787] [--host 127.0.0.1]
                          [--base-path /booking-api] [--static ./public]
                          [--request-timeout 30000] [--headers-timeout 10000] [--max-connections 2000]

Runs the booking-flow proxy. The Cal.com API key is read from CALCOM_API_KEY only.
Without it the proxy answers from its built-in Cal.com simulator (the sandbox), and without
--config it uses the sandbox's demo catalog.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string', short: 'c' },
      port: { type: 'string', short: 'p', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'base-path': { type: 'string', default: '/' },
      static: { type: 'string' },
      'request-timeout': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'max-connections': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const apiKey = process.env.CALCOM_API_KEY || undefined;
  if (apiKey && !values.config)
    throw new Error('CALCOM_API_KEY is set, so --config booking-proxy.json is needed to map services to event types.');
  const raw: unknown = values.config ? JSON.parse(await readFile(values.config, 'utf8')) : demoConfig;
  const config = parseConfig(raw);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, not "${values.port}"`);
  const redisUrl = config.redis?.url ?? process.env.REDIS_URL;
  if (config.redis && !redisUrl)
    throw new ConfigError('redis.url', 'is needed (or REDIS_URL in the environment) when "redis" is set');
  const redis = redisUrl ? await connectRedis(redisUrl) : undefined;
  const proxy = createProxy({
    config,
    apiKey,
    upstream: apiKey ? undefined : 'sandbox',
    basePath: values['base-path'],
    redis,
  });
  const limits = {
    requestTimeoutMs: whole(values['request-timeout'], '--request-timeout', DEFAULT_CONNECTION_LIMITS.requestTimeoutMs),
    headersTimeoutMs: whole(values['headers-timeout'], '--headers-timeout', DEFAULT_CONNECTION_LIMITS.headersTimeoutMs),
    maxConnections: whole(values['max-connections'], '--max-connections', DEFAULT_CONNECTION_LIMITS.maxConnections),
  };
  const running = await startNodeServer({
    proxy,
    port,
    hostname: values.host,
    basePath: values['base-path'],
    staticDir: values.static,
    limits,
  });
  const base = values['base-path'] === '/' ? '' : values['base-path'];
  console.log(`booking-flow proxy listening on ${running.url}${base}`);
  console.log(
    proxy.mode === 'sandbox'
      ? 'Upstream: the built-in Cal.com sandbox (no CALCOM_API_KEY set). Bookings live in memory until the process ends.'
      : `Upstream: Cal.com at ${config.calcom.baseUrl ?? 'https://api.cal.com/v2'}.`,
  );
  if (redis) console.log(`Cache, rate limits and invalidation: shared through Redis at ${redactedUrl(redisUrl!)}.`);
  else console.log('Cache and rate limits: in this process (set REDIS_URL to share them between instances).');
  if (values.static) console.log(`Serving ${values.static} at ${running.url}/`);
  const stop = () =>
    void running
      .close()
      .then(() => proxy.close())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * Connects ioredis (loaded only when Redis is used) with REDIS_CLIENT_OPTIONS. A Redis that is not there yet does
 * not stop the proxy: it starts on memory and the client keeps reconnecting.
 */
async function connectRedis(url: string) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, REDIS_CLIENT_OPTIONS);
  const ready = await new Promise<boolean>((resolve) => {
    redis.once('ready', () => resolve(true));
    setTimeout(() => resolve(false), REDIS_CLIENT_OPTIONS.connectTimeout).unref();
  });
  if (!ready) console.warn(`Redis at ${redactedUrl(url)} is not reachable yet: running on memory until it is.`);
  return redis;
}

/** A whole, positive number from a flag, or its default. */
function whole(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number above 0, not "${value}"`);
  return n;
}

/** The Redis URL without its password, for log lines. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
