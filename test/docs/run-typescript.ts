import assert from 'node:assert/strict';
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port.js';

// A TypeScript block of the docs as a user would use it: saved as a file in a project that has the packages
// installed (workspace.ts), type-checked strictly by tsc against the installed typings, then run by Node (through
// tsx) and asked for the catalog the way its runtime would ask: the default export's fetch (workers), an exported
// handler (functions) or the server it starts (Node). The only edit: a fixed port becomes a free one.

export type TypeScriptUse = 'worker' | 'handler' | 'server';

const TSCONFIG = {
  compilerOptions: {
    target: 'es2022',
    module: 'nodenext',
    strict: true,
    noEmit: true,
    resolveJsonModule: true,
    // As `tsc --init` and every framework template write it: ioredis's typings import redis-errors, which has none.
    skipLibCheck: true,
    types: ['node'],
  },
  files: ['snippet.ts'],
};

/** The Node program that loads the snippet and prints what the catalog route answered. */
function driver(use: TypeScriptUse, base: string, port: number): string {
  const request = `new Request('http://127.0.0.1:${port}${base}/catalog')`;
  const answer = {
    worker: `await snippet.default.fetch(${request}, { CALCOM_API_KEY: process.env.CALCOM_API_KEY })`,
    handler: `await snippet.handler(${request})`,
    server: `await fetch(${request})`,
  }[use];
  return `const snippet = await import('./snippet.ts');
const response = ${answer};
console.log(JSON.stringify({ status: response.status, body: await response.json() }));
process.exit(0);
`;
}

/**
 * Type-checks and runs `code` in `dir` (made afresh; `setup` is run there first, e.g. the init that writes the
 * config the snippet reads) and returns the catalog it served.
 */
export async function runTypeScriptBlock(
  code: string,
  dir: string,
  workspaceDir: string,
  use: TypeScriptUse,
  setup: string,
): Promise<{ status: number; body: { services: { id: string }[] } }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(setup, { cwd: dir, stdio: 'pipe' });
  const port = await freePort();
  writeFileSync(join(dir, 'snippet.ts'), use === 'server' ? code.replaceAll('8787', String(port)) : code);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  try {
    execFileSync(join(workspaceDir, 'node_modules/.bin/tsc'), ['-p', '.', '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc: ${(error as { stdout: string }).stdout}`);
  }
  const base = /basePath: '([^']+)'/.exec(code)?.[1] ?? '';
  writeFileSync(join(dir, 'driver.mjs'), driver(use, base, port));
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'driver.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    // A key, so the snippets that call Cal.com start; the catalog comes from the config and calls nobody.
    env: { ...process.env, CALCOM_API_KEY: 'cal_test_docs' },
    timeout: 30_000,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { status: number; body: { services: { id: string }[] } };
}
