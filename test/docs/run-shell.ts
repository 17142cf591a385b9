import assert from 'node:assert/strict';
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startCli } from '../helpers/cli.js';

// A shell block of the docs, run line by line as a user would type it, in a directory of the docs workspace
// (workspace.ts) or, for the README's first block, in the repository. What differs is checked instead:
// `npm install <package>` was done from the tarball (it must be installed), `npm install` in the repository was
// done by npm ci, `npm test` is the suite running this; a command that starts a server (the proxy, `npm start`)
// listens on a free port where it can, is asked for /health (and for CORS when it allows an origin) and is
// stopped with SIGTERM, after which the proxy must exit cleanly.

/** The commands of a block: comments and blank lines dropped, backslash continuations joined. */
export function shellCommands(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, '')
    .split(/\n| && /)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean);
}

/** The command's leading `NAME=value` assignments and the rest. */
function assignments(command: string): { env: Record<string, string>; rest: string } {
  const env: Record<string, string> = {};
  let rest = command;
  for (let m = /^([A-Z_]+)=(\S+)\s+/.exec(rest); m; m = /^([A-Z_]+)=(\S+)\s+/.exec(rest)) {
    env[m[1]!] = m[2]!;
    rest = rest.slice(m[0].length);
  }
  return { env, rest };
}

const starts = (command: string) =>
  /\bnpx booking-flow-proxy\b/.test(command) && !/\bnpx booking-flow-proxy (init|--help|-h)\b/.test(command);

export async function runShellBlock(code: string, cwd: string, workspaceDir: string): Promise<void> {
  for (const command of shellCommands(code)) {
    const install = /^npm install ((?:[\w@/-]+ ?)+)$/.exec(command);
    if (command === 'npm install') assert.ok(existsSync(join(cwd, 'node_modules/.package-lock.json')), 'installed');
    else if (command === 'npm test') continue;
    else if (command === 'npm start') await runDemo(cwd);
    else if (install) {
      for (const name of install[1]!.trim().split(' '))
        assert.ok(existsSync(join(workspaceDir, 'node_modules', name, 'package.json')), `${name} is installed`);
    } else if (starts(command)) await runProxy(command, cwd, workspaceDir);
    else execSync(command, { cwd, stdio: 'pipe', env: { ...process.env, CALCOM_API_KEY: '' } });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the proxy as the command says, on a free port (the installed bin that npx would run, so the signal and
 * exit code are the proxy's own), checks it answers, stops it.
 */
async function runProxy(command: string, cwd: string, workspaceDir: string): Promise<void> {
  const { env, rest } = assignments(command);
  const args = rest.replace(/--port \d+/, '--port 0').split(/\s+/).slice(2);
  if (!args.includes('--port')) args.push('--port', '0');
  const proxy = await startCli(join(workspaceDir, 'node_modules/.bin/booking-flow-proxy'), args, cwd, env);
  try {
    const health = await fetch(`${proxy.url}/health`);
    assert.equal(health.status, 200, `${proxy.url}/health`);
    const { reasons } = (await health.json()) as { reasons: string[] };
    assert.deepEqual(reasons, env.REDIS_URL ? ['redis_down'] : [], 'health reasons');
    if (env.CALCOM_API_KEY) assert.match(proxy.output, /^Upstream: Cal\.com/m);
    for (const [, origin] of command.matchAll(/--allowed-origin (\S+)/g)) {
      const catalog: Response = await fetch(`${proxy.url}/catalog`, { headers: { origin: origin! } });
      assert.equal(catalog.headers.get('access-control-allow-origin'), origin);
    }
    const secrets = [env.CALCOM_API_KEY, env.REDIS_URL && new URL(env.REDIS_URL).password].filter(Boolean);
    for (const secret of secrets)
      assert.ok(!proxy.output.includes(secret!), `the output shows a secret: ${proxy.output}`);
  } finally {
    proxy.child.kill('SIGTERM');
  }
  assert.equal(await proxy.exited, 0, `stopped cleanly: ${proxy.output}`);
}

/** `npm start` as it is (it builds, then serves the demo on port 8080): the page and the proxy's health. */
async function runDemo(cwd: string): Promise<void> {
  const child = spawn('npm', ['start'], { cwd, detached: true, env: { ...process.env, CALCOM_API_KEY: '' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
  try {
    let url: string | undefined;
    for (const until = Date.now() + 120_000; !url; await sleep(100)) {
      assert.ok(child.exitCode === null && Date.now() < until, `npm start did not start: ${output}`);
      if (/^Serving/m.test(output)) url = /listening on (http:\/\/[^/\s]+)/.exec(output)?.[1];
    }
    assert.equal(url, 'http://127.0.0.1:8080', 'where the README says');
    assert.match(await (await fetch(url)).text(), /<booking-flow\b/);
    assert.equal((await fetch(`${url}/booking-api/health`)).status, 200);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}
