// `npm run bench:proxy-profile`: a CPU profile of the proxy serving the bench's cached /slots under load (the
// throughput bench's server, in its own process with --cpu-prof; autocannon here), issue 18's step before changing
// the proxy (`-- bare`: the bare node:http server beside it, for comparison; `-- handler`: every hit through the
// fetch handler, as before the Node server replayed them). Prints self time by function and by
// where the code lives; writes the profile for DevTools to /tmp.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BENCH_PATH } from './setup.js';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const dir = mkdtempSync(join(tmpdir(), 'proxy-profile-'));
const child = spawn(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    '--import',
    'tsx',
    'scripts/bench/serve.ts',
    ['bare', 'handler'].find((mode) => process.argv.includes(mode)) ?? 'proxy',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = ((await once(child.stdout, 'data')) as [Buffer])[0].toString().trim();
await autocannon({ url: `${url}${BENCH_PATH}`, connections: 20, duration: 1 }); // warm-up
const result = await autocannon({ url: `${url}${BENCH_PATH}`, connections: 50, duration: 5 });
child.kill('SIGTERM');
await once(child, 'exit');
const file = join(
  dir,
  readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!,
);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** Where a function lives: a package, a file of src/, or Node itself. */
const place = (url: string) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
  /\/(src\/.+)$/.exec(url)?.[1] ??
  (url.startsWith('node:') ? 'node internals' : url || 'native / GC / idle');
const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
let busy = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)!;
  if (frame.functionName === '(idle)') return;
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  busy += ms;
  const at = place(frame.url);
  byPlace.set(at, (byPlace.get(at) ?? 0) + ms);
  const name = `${frame.functionName || '(anonymous)'}  ${at}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
});
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
console.log(`${result.requests.average.toFixed(0)} req/s while profiled; busy ${busy.toFixed(0)} ms in the profile`);
console.log('by where the code lives (self time):');
for (const line of top(byPlace, 15)) console.log(line);
console.log('by function (self time):');
for (const line of top(byFunction, 30)) console.log(line);
console.log(`profile: ${file}`);
process.exit(0);
