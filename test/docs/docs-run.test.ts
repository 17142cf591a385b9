import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ProxyPackage from '../../src/proxy/index.js';
import { after, before, describe, it } from 'node:test';
import { startCli, type RunningCli } from '../helpers/cli.js';
import { docBlocks, type DocBlock } from './doc-blocks.js';
import { pageFixture } from './page-fixtures.js';
import { startNginx } from './run-nginx.js';
import { DocsSite } from './run-page.js';
import { runShellBlock } from './run-shell.js';
import { runTypeScriptBlock, type TypeScriptUse } from './run-typescript.js';
import { workspace } from './workspace.js';

// Issue 16, "docs that run": every fenced block of README.md and docs/ carries a tag saying how it is run (or why
// it cannot be), and runs here against the packed packages installed in a project outside the repository, so a
// snippet cannot rot unseen. The runners: run-shell.ts, run-page.ts (html, js, css), run-typescript.ts,
// run-nginx.ts; json through the installed proxy's parseConfig; file/excerpt compare with files other tests run.

const DOCS = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

let ws = '';
const site = new DocsSite();
const proxies: RunningCli[] = [];

/** The installed proxy package's exports, as a user's code imports them. */
async function proxyPackage(): Promise<typeof ProxyPackage> {
  const entry = createRequire(join(ws, 'package.json')).resolve('booking-flow-proxy');
  return (await import(pathToFileURL(entry).href)) as typeof ProxyPackage;
}

/** Where a document's shell and TypeScript blocks run, one after another as a reader goes down the page. */
const dirOf = (block: DocBlock) => join(ws, 'docs-run', block.file.replace(/[/.]/g, '-'));

const runners: Record<string, (block: DocBlock, argument: string) => Promise<void>> = {
  sh: (block, where) => runShellBlock(block.code, where === 'repo' ? process.cwd() : dirOf(block), ws),

  html: (block, fixture) => site.run('html', block.code, pageFixture(fixture, block.code)),
  js: (block, fixture) => site.run('js', block.code, pageFixture(fixture, block.code)),
  css: (block, fixture) => site.run('css', block.code, pageFixture(fixture, block.code)),

  ts: async (block, argument) => {
    const [use, ...setup] = argument.split(' ');
    const dir = join(dirOf(block), `ts-${block.line}`);
    const { status, body } = await runTypeScriptBlock(block.code, dir, ws, use as TypeScriptUse, setup.join(' '));
    assert.equal(status, 200);
    assert.deepEqual(
      body.services.map((s) => s.id),
      ['haircut'],
    );
  },

  // A whole config is parsed as it is; a service is put into the example config in place of its services.
  json: async (block, argument) => {
    const { createProxy, parseConfig } = await proxyPackage();
    const parsed = JSON.parse(block.code) as Record<string, unknown>;
    const example = JSON.parse(readFileSync('examples/booking-proxy.json', 'utf8')) as Record<string, unknown>;
    const config = parseConfig(argument === 'service' ? { ...example, services: [parsed], staff: [] } : parsed);
    const proxy = createProxy({ config, upstream: 'sandbox', log: () => {} });
    const catalog = (await (await proxy.fetch(new Request('http://x/catalog'))).json()) as {
      services: { id: string; questions?: unknown[] }[];
    };
    await proxy.close();
    const services = argument === 'service' ? [parsed] : (parsed.services as (typeof parsed)[]);
    assert.deepEqual(
      catalog.services.map((s) => [s.id, s.questions?.length ?? 0]),
      services.map((s) => [s.id, (s.questions as unknown[] | undefined)?.length ?? 0]),
    );
  },

  // Through nginx in front of two proxies: the routes answer, and the live stream arrives unbuffered.
  nginx: async (block, argument) => {
    const bin = join(ws, 'node_modules/.bin/booking-flow-proxy');
    while (proxies.length < 2) proxies.push(await startCli(bin, ['--port', '0', '--base-path', '/booking-api']));
    const nginx = await startNginx(
      block.code,
      join(dirOf(block), `nginx-${block.line}`),
      proxies.map((p) => new URL(p.url).host),
    );
    try {
      if (argument === 'events') {
        const stream = await fetch(`${nginx.origin}/booking-api/events`);
        assert.equal(stream.headers.get('content-type'), 'text/event-stream');
        const reader = stream.body!.getReader();
        const { value } = await reader.read();
        assert.match(new TextDecoder().decode(value), /event: ready/);
        await reader.cancel();
      } else {
        for (let i = 0; i < 4; i++) {
          const health = await fetch(`${nginx.origin}/booking-api/health`);
          assert.equal(health.status, 200);
        }
      }
    } finally {
      await nginx.stop();
    }
  },

  // Blocks that show a file which other tests run (the recipes): the whole file as it is, or lines of it.
  file: (block, path) => {
    assert.equal(block.code, readFileSync(path, 'utf8'), `${block.file} shows ${path}`);
    return Promise.resolve();
  },
  excerpt: (block, path) => {
    const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trim());
    for (const line of block.code.split('\n').map((l) => l.trim()).filter(Boolean))
      assert.ok(lines.includes(line), `${path} has the line: ${line}`);
    return Promise.resolve();
  },
};

describe('docs that run: every block of README.md and docs/', () => {
  before(async () => {
    ws = workspace();
    rmSync(join(ws, 'docs-run'), { recursive: true, force: true });
    for (const file of DOCS) mkdirSync(dirOf({ file } as DocBlock), { recursive: true });
    await site.start(ws);
  });
  after(async () => {
    await site.close();
    for (const proxy of proxies) proxy.child.kill();
  });

  it('every block is tagged with its runner or with why it is not run', () => {
    const untagged = DOCS.flatMap(docBlocks).filter((b) => !b.run && !b.notRun);
    assert.deepEqual(
      untagged.map((b) => `${b.file}:${b.line}`),
      [],
    );
    for (const block of DOCS.flatMap(docBlocks))
      if (block.run) assert.ok(runners[block.run.runner], `${block.file}:${block.line}: no runner "${block.run.runner}"`);
  });

  for (const file of DOCS)
    for (const block of docBlocks(file).filter((b) => b.run))
      it(`${file}:${block.line} (${block.lang || 'text'}, run: ${block.run!.runner} ${block.run!.argument ?? ''})`, () =>
        runners[block.run!.runner]!(block, block.run!.argument ?? ''));
});

