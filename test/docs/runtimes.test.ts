import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe } from 'node:test';
import { build } from 'esbuild';
import { demoConfig } from '../../src/sandbox/demo-data.js';
import { startCli, type RunningCli } from '../helpers/cli.js';
import { freePort } from '../helpers/free-port.js';
import { proxyContract } from '../proxy/contract.js';
import { workspace } from './workspace.js';

// Issue 17: the proxy in every runtime it names, each from its npm package's own binary (workerd, Deno, Bun) and
// Node's CLI, answering the same contract (test/proxy/contract.ts) on the sandbox. Each runs the one file the docs
// show (examples/runtimes/), against the packed booking-flow-proxy installed in a project outside the repository.

const require = createRequire(import.meta.url);
/** A binary inside an npm package (the platform package each runtime's npm package depends on). */
const binary = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const BINARIES = {
  workerd: binary('@cloudflare/workerd-linux-64', 'bin/workerd'),
  deno: binary('@deno/linux-x64-glibc', 'deno'),
  bun: binary('@oven/bun-linux-x64', 'bin/bun'),
};

/** Waits until `url` answers (the runtime has started), or fails with what the process printed. */
async function answering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}:\n${output()}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered:\n${output()}`);
}

/** Starts `command` in `cwd`, resolving once the proxy under it answers /booking-api/health. */
async function serve(command: string, args: string[], cwd: string, port: number) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, PORT: String(port), CALCOM_API_KEY: '', DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  await answering(`http://127.0.0.1:${port}/booking-api/health`, child, () => output);
  return child;
}

/** workerd's config: the bundled worker on one socket. */
const capnp = (port: number) => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .proxy)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const proxy :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-09-01",
);
`;

const RUNTIMES: Record<string, (dir: string, port: number) => Promise<ChildProcess | RunningCli['child']>> = {
  async 'Node (the CLI)'(dir, port) {
    const cli = await startCli(join(dir, '../node_modules/.bin/booking-flow-proxy'), ['--config', 'booking-proxy.json', '--port', String(port), '--base-path', '/booking-api'], dir);
    return cli.child;
  },
  async 'workerd (Cloudflare Workers)'(dir, port) {
    // What wrangler does: one ES module, resolved with the worker conditions.
    await build({
      entryPoints: [join(dir, 'worker.ts')],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'],
      mainFields: ['module', 'main'],
      logLevel: 'error',
    });
    writeFileSync(join(dir, 'config.capnp'), capnp(port));
    return serve(BINARIES.workerd, ['serve', 'config.capnp'], dir, port);
  },
  Deno: (dir, port) => serve(BINARIES.deno, ['run', '--allow-net', '--allow-env', '--allow-read', 'deno.ts'], dir, port),
  Bun: (dir, port) => serve(BINARIES.bun, ['bun.ts'], dir, port),
};

for (const [runtime, start] of Object.entries(RUNTIMES))
  describe(`the proxy in ${runtime}`, () => {
    let base = '';
    let child: ChildProcess | undefined;
    before(async () => {
      const ws = workspace();
      const dir = join(ws, 'runtimes');
      mkdirSync(dir, { recursive: true });
      for (const file of ['worker.ts', 'deno.ts', 'bun.ts']) copyFileSync(join('examples/runtimes', file), join(dir, file));
      // The demo's config, whose services the sandbox's event types match (the example's ask for a real Cal.com).
      writeFileSync(join(dir, 'booking-proxy.json'), JSON.stringify(demoConfig));
      const port = await freePort();
      child = await start(dir, port);
      base = `http://127.0.0.1:${port}/booking-api`;
    });
    after(() => void child?.kill());
    proxyContract(() => base);
  });
