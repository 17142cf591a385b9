// Live-update figures (issue 13): how soon a booking in one browser context reaches another's calendar, what an
// idle stream costs the proxy, and how many Cal.com calls a burst over two instances makes.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { chromium } from 'playwright-core';
import { Redis } from 'ioredis';
import { parseConfig } from '../../src/proxy/config.js';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer } from '../../src/proxy/node-server.js';
import { REDIS_CLIENT_OPTIONS } from '../../src/proxy/redis-guard.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { RedisServer } from '../../test/helpers/redis-server.js';
import { CHROMIUM_ARGS } from '../wtr/browsers.mjs';
import { stats, type Stats } from './stats.js';

/**
 * Milliseconds from sending a booking (or, with `via: '/holds'`, a hold on a time) in one context to its time
 * leaving the calendar in another (to the first animation frame without it).
 */
export async function bookingToVanish(runs: number, via: '/bookings' | '/holds' = '/bookings'): Promise<Stats> {
  const proxy = createProxy({
    upstream: 'sandbox',
    // One visitor books many times: the per-IP booking limit would stop the bench, not a visitor.
    config: parseConfig({
      ...demoConfig,
      rateLimit: { requestsPerMinute: 10_000, bookingsPerMinute: 1_000, holdsPerMinute: 1_000 },
    }),
    basePath: '/booking-api',
    log: () => {},
  });
  const server = await startNodeServer({ proxy, port: 0, basePath: '/booking-api', staticDir: 'dist/demo' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const [booker, watcher] = await Promise.all(
      [1, 2].map(async () => (await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' })).newPage()),
    );
    await Promise.all([booker!.goto(server.url), watcher!.goto(server.url)]);
    await watcher!.getByRole('radio', { name: /Haircut/ }).check();
    await watcher!.getByRole('radio', { name: /Anna Berg/ }).check();
    await watcher!.getByRole('button', { name: 'Next week' }).click();
    await watcher!.locator('hourly-calendar button.slot').first().waitFor();
    await watcher!.waitForTimeout(500); // the stream is open
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const datetime = (await watcher!
        .locator('hourly-calendar button.slot')
        .nth(i % 3)
        .getAttribute('data-datetime'))!;
      // In the watching page: the first animation frame without the time.
      // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
      const gone: Promise<number> = watcher!.evaluate<number>(`new Promise((resolve) => {
        const find = () => document.querySelector('booking-flow')?.shadowRoot?.querySelector('availability-loader')
          ?.shadowRoot?.querySelector('hourly-calendar')?.shadowRoot
          ?.querySelector('button.slot[data-datetime="${datetime}"]');
        const frame = () => (find() ? requestAnimationFrame(frame) : resolve(Date.now()));
        frame();
      })`);
      gone.catch(() => undefined);
      const body =
        via === '/holds'
          ? { service: 'haircut', staff: 'anna', start: datetime }
          : {
              service: 'haircut',
              staff: 'anna',
              start: datetime,
              timeZone: 'Europe/Berlin',
              attendee: { name: `Bench ${i}`, email: `bench${i}@example.com` },
            };
      const sent = await booker!.evaluate(
        async ([path, json]) => {
          const at = Date.now();
          const response = await fetch(`/booking-api${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: json,
          });
          if (response.status !== 201) throw new Error(`${path} answered ${response.status}`);
          return at;
        },
        [via, JSON.stringify(body)] as const,
      );
      if (sent < 0) {
        gone.catch(() => undefined);
        throw new Error(`the bench booking of ${datetime} answered ${-sent}`);
      }
      times.push((await gone) - sent);
    }
    return stats(times);
  } finally {
    await browser.close();
    await proxy.close();
    await server.close();
  }
}

/** Heap and RSS of a proxy process per idle stream, with `count` streams open on it. */
export async function memoryPerStream(count: number): Promise<{ count: number; heapKb: number; rssKb: number }> {
  const child = fork('scripts/bench/live-server.ts', [String(count)], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = async (what: string) => {
    child.send(what);
    const [answer] = (await once(child, 'message')) as [{ url: string; heap: number; rss: number }];
    return answer;
  };
  try {
    const before = await ask('memory');
    const { port } = new URL(before.url);
    const sockets: { destroy(): void }[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/events', headers: { 'x-forwarded-for': `10.${i >> 8}.${i & 255}.1` } },
          (res) => {
            if (res.statusCode !== 200) reject(new Error(`stream ${i}: ${res.statusCode}`));
            res.once('data', () => resolve());
            sockets.push(req);
          },
        );
        req.on('error', reject);
        req.end();
      });
    }
    const after = await ask('memory');
    for (const socket of sockets) socket.destroy();
    return {
      count,
      heapKb: (after.heap - before.heap) / 1024 / count,
      rssKb: (after.rss - before.rss) / 1024 / count,
    };
  } finally {
    child.kill();
  }
}

/** Cal.com calls for 1,000 concurrent identical cold requests split over two instances: on Redis, and alone. */
export async function burstOverTwoInstances(): Promise<{ redis: number; memory: number }> {
  const server = new RedisServer();
  await server.start();
  const clients: Redis[] = [];
  try {
    const burst = async (shared: boolean) => {
      const sandbox = createSandbox({ rateLimit: false });
      let calls = 0;
      const upstream = (r: Request) => (calls++, sandbox.fetch(r));
      const instances = await Promise.all(
        [1, 2].map(async () => {
          const redis = shared ? new Redis({ ...REDIS_CLIENT_OPTIONS, port: server.port }) : undefined;
          if (redis) {
            clients.push(redis);
            await once(redis, 'ready');
          }
          const config = parseConfig({ ...demoConfig, redis: shared ? { keyPrefix: 'bench:' } : undefined });
          return createProxy({ config, upstream, redis, log: () => {} });
        }),
      );
      const today = new Date().toISOString().slice(0, 10);
      const path = `/slots?service=haircut&start=${today}&end=${today}&timeZone=UTC`;
      await Promise.all(
        Array.from({ length: 1_000 }, (_, i) =>
          instances[i % 2]!.fetch(new Request(`http://bench${path}`), { clientIp: `10.0.${i >> 8}.${i & 255}` }),
        ),
      );
      await Promise.all(instances.map((p) => p.close()));
      return calls;
    };
    return { redis: await burst(true), memory: await burst(false) };
  } finally {
    for (const client of clients) client.disconnect();
    await server.stop();
  }
}
