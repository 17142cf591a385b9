// Proxy figures: throughput and latency against a bare node:http server, the herd, and memory under many keys.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createProxy } from '../../src/proxy/handler.js';
import { createSandbox } from '../../src/sandbox/sandbox.js';
import { BENCH_PATH, benchConfig } from './setup.js';

export interface Load {
  name: string;
  requestsPerSecond: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  /** The server process's CPU time (user + system) per request answered. */
  cpuMicrosPerRequest: number;
  /**
   * Against the bare server of the same round (the median over rounds): its req/s over the bare one's, and the bare
   * one's CPU per request over its own. The machine's speed drifts between rounds; within one it barely moves.
   */
  ofBare: { requestsPerSecond: number; cpu: number };
}

/** The servers serve.ts starts: the bare one, the proxy, and the proxy with every request through its handler. */
export type Mode = 'bare' | 'proxy' | 'handler';

const NAMES: Record<Mode, string> = {
  bare: 'bare node:http, same JSON',
  proxy: 'booking proxy, cached /slots',
  handler: 'the same, every hit through the fetch handler (before issue 18)',
};

async function serve(mode: Mode): Promise<{ url: string; cpuMs(): number; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/serve.ts', mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  // utime and stime, in clock ticks (100 a second on Linux), fields 14 and 15 of /proc/<pid>/stat.
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return { url: chunk.toString().trim(), cpuMs, stop: () => child.kill() };
}

/**
 * Each server under autocannon for `seconds`, `rounds` times in turn (bare, proxy, handler, bare, ...) so that a
 * slow spell of the machine hits all of them; the median round of each, and the median of each round's ratio to
 * the bare server. autocannon shares the 2 cores with the server, so req/s moves from run to run.
 */
export async function load(seconds: number, rounds = 5): Promise<Load[]> {
  const runs = new Map<Mode, Load[]>();
  for (let round = 0; round < rounds; round++) {
    for (const mode of Object.keys(NAMES) as Mode[]) {
      const server = await serve(mode);
      try {
        await autocannon({ url: `${server.url}${BENCH_PATH}`, connections: 20, duration: 1 }); // warm-up
        const cpuBefore = server.cpuMs();
        const r = await autocannon({
          url: `${server.url}${BENCH_PATH}`,
          connections: 50,
          pipelining: 1,
          duration: seconds,
        });
        const cpuMicrosPerRequest = ((server.cpuMs() - cpuBefore) * 1000) / r.requests.total;
        runs.set(mode, [
          ...(runs.get(mode) ?? []),
          {
            name: NAMES[mode],
            requestsPerSecond: r.requests.average,
            latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
            errors: r.errors + r.non2xx,
            cpuMicrosPerRequest,
            ofBare: { requestsPerSecond: 1, cpu: 1 },
          },
        ]);
      } finally {
        server.stop();
      }
    }
  }
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bare = runs.get('bare')!;
  return [...runs.values()].map((all) => {
    const sorted = [...all].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    return {
      ...sorted[Math.floor(sorted.length / 2)]!,
      cpuMicrosPerRequest: middle(all.map((l) => l.cpuMicrosPerRequest)),
      ofBare: {
        requestsPerSecond: middle(all.map((l, i) => l.requestsPerSecond / bare[i]!.requestsPerSecond)),
        cpu: middle(all.map((l, i) => bare[i]!.cpuMicrosPerRequest / l.cpuMicrosPerRequest)),
      },
    };
  });
}

/** Upstream calls for `n` identical concurrent requests on a cold cache. */
export async function herd(n: number): Promise<number> {
  const sandbox = createSandbox({ rateLimit: false });
  let calls = 0;
  const proxy = createProxy({
    config: benchConfig(),
    upstream: (r) => {
      calls++;
      return sandbox.fetch(r);
    },
    log: () => {},
  });
  await Promise.all(Array.from({ length: n }, () => proxy.fetch(new Request(`http://x${BENCH_PATH}`))));
  return calls;
}

/** Heap after many requests with distinct keys (a fast stub upstream): the LRU keeps it flat. */
export async function memory(
  total: number,
  checkpoints: number,
): Promise<{ requests: number; heapMb: number; cached: number }[]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const answer = JSON.stringify({
    status: 'success',
    data: {
      '2030-01-07': Array.from({ length: 40 }, (_, i) => ({
        start: new Date(Date.UTC(2030, 0, 7, 8) + i * 900_000).toISOString(),
      })),
    },
  });
  const proxy = createProxy({
    config: benchConfig(),
    upstream: () => Promise.resolve(new Response(answer, { headers: { 'content-type': 'application/json' } })),
    log: () => {},
  });
  // Let the event loop turn before measuring: undici releases each Request's abort listener from a
  // FinalizationRegistry callback, which only runs between tasks.
  const heap = async () => {
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const rows = [{ requests: 0, heapMb: await heap(), cached: 0 }];
  // Distinct keys within the proxy's date window: 3,000 start days times ranges of 1 to 42 days.
  const base = Date.now() + 86_400_000;
  const day = (n: number) => new Date(base + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < total; i++) {
    const start = i % 3_000;
    const res = await proxy.fetch(
      new Request(
        `http://x/slots?service=haircut&start=${day(start)}&end=${day(start + Math.floor(i / 3_000))}&timeZone=UTC`,
      ),
    );
    await res.arrayBuffer();
    // Like a live server's event loop, which turns between requests: a task boundary every 100 requests.
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    if ((i + 1) % (total / checkpoints) === 0) {
      const store = proxy.cache.store as { size?: number };
      rows.push({ requests: i + 1, heapMb: await heap(), cached: store.size ?? 0 });
    }
  }
  return rows;
}
