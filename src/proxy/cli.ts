#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { demoConfig } from '../sandbox/demo-data.js';
import { ConfigError, parseConfig } from './config.js';
import { createProxy } from './handler.js';
import { DEFAULT_CONNECTION_LIMITS, startNodeServer } from './node-server.js';
import { REDIS_CLIENT_OPTIONS } from './redis-guard.js';
import { STARTER_CONFIG, readConfigText } from './starter-config.js';

const USAGE = `Usage: booking-flow-proxy [options]
       booking-flow-proxy init [file] [--json]

Runs the booking-flow proxy. The Cal.com API key is read from CALCOM_API_KEY only. Without it the
proxy answers from its built-in Cal.com simulator (the sandbox), and without --config it uses the
sandbox's demo catalog.

Commands:
  init [file]                 Write a commented starter config (default booking-proxy.json); never overwrites.
      --json                  With init: plain JSON, no comments (for runtimes that import the file as JSON).

Options:
  -c, --config <file>         The config file (JSON; // comments allowed). See the README.
  -p, --port <n>              Port to listen on (default: $PORT or 8787).
      --host <name>           Interface to listen on (default 127.0.0.1; 0.0.0.0 for every one).
      --base-path <path>      Where the routes are mounted, e.g. /booking-api (default /).
      --allowed-origin <url>  A page origin allowed to call the proxy (CORS); repeat for several.
                              Added to "allowedOrigins" of the config.
      --static <dir>          Also serve the files of <dir> at / (e.g. the built demo).
      --request-timeout <ms>  Longest time a request may take (default 30000).
      --headers-timeout <ms>  Longest time to receive a request's headers (default 10000).
      --max-connections <n>   Open connections at most (default 2000).
  -h, --help                  This text.

Environment: CALCOM_API_KEY (Cal.com), REDIS_URL (shared cache and limits), PORT.`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      config: { type: 'string', short: 'c' },
      port: { type: 'string', short: 'p', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'base-path': { type: 'string', default: '/' },
      'allowed-origin': { type: 'string', multiple: true, default: [] },
      static: { type: 'string' },
      'request-timeout': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'max-connections': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals[0] === 'init') return init(positionals[1] ?? 'booking-proxy.json', values.json === true);
  if (values.json) throw new Error('--json goes with init. See booking-flow-proxy --help.');
  if (positionals.length) throw new Error(`Unknown command "${positionals[0]}". See booking-flow-proxy --help.`);
  const apiKey = process.env.CALCOM_API_KEY || undefined;
  if (apiKey && !values.config)
    throw new Error('CALCOM_API_KEY is set, so --config booking-proxy.json is needed to map services to event types.');
  const raw = values.config ? readConfigText(await readFile(values.config, 'utf8'), values.config) : demoConfig;
  const origins = values['allowed-origin'];
  const config = parseConfig(origins.length ? withOrigins(raw, origins) : raw);
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
  // Until the proxy's guard listens, keep the first error for the warning (ioredis prints unheard ones, every retry).
  let firstError: string | undefined;
  const onError = (error: Error) => (firstError ??= error.message);
  redis.on('error', onError);
  const ready = await new Promise<boolean>((resolve) => {
    redis.once('ready', () => resolve(true));
    setTimeout(() => resolve(false), REDIS_CLIENT_OPTIONS.connectTimeout).unref();
  });
  if (!ready)
    console.warn(
      `Redis at ${redactedUrl(url)} is not reachable yet (${firstError ?? 'no answer'}): running on memory until it is.`,
    );
  return redis;
}

/** Writes the starter config (without its comments when `json`), unless a file is already there. */
async function init(file: string, json: boolean): Promise<void> {
  const text = json
    ? `${JSON.stringify(readConfigText(STARTER_CONFIG, 'the starter config'), null, 2)}\n`
    : STARTER_CONFIG;
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new Error(`${file} exists already; left as it is.`, { cause: error });
    throw error;
  }
  console.log(`Wrote ${file}. Start the proxy with: npx booking-flow-proxy --config ${file}`);
}

/** The config with the --allowed-origin flags added to its allowedOrigins (parseConfig checks them all). */
function withOrigins(raw: unknown, origins: string[]): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const config = raw as { allowedOrigins?: unknown };
  const listed = Array.isArray(config.allowedOrigins) ? (config.allowedOrigins as unknown[]) : [];
  return { ...config, allowedOrigins: [...listed, ...origins] };
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
