import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { runCli, startCli } from '../helpers/cli.js';

// Issue 16: two installables from one repository, each with only its own dependencies, and nothing broken or
// unwanted in either tarball. Checked on what `npm pack` would publish (after npm run build).

const SERVER_PACKAGES = [
  'hono',
  '@hono/node-server',
  'ioredis',
  'rate-limiter-flexible',
  'lru-cache',
  'valibot',
  '@date-fns/tz',
];

/** The files `npm pack` would put in the tarball of the package in `dir`. */
function packed(dir = '.'): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: dir, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

/** Relative imports of the packed .js and .d.ts files that point at a file the tarball does not have. */
function brokenImports(dir: string, files: string[]): string[] {
  const have = new Set(files);
  const broken: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = normalize(join(dirname(file), spec!));
      const typesOf = target.replace(/\.js$/, '.d.ts');
      if (!have.has(target) && !(file.endsWith('.d.ts') && have.has(typesOf))) broken.push(`${file} -> ${spec}`);
    }
  }
  return broken;
}

/** Source maps that would point at files the package does not ship: each must carry its sources' text. */
function mapsWithoutSources(dir: string, files: string[]): string[] {
  return files
    .filter((f) => f.endsWith('.map'))
    .filter((f) => {
      const map = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { sources: string[]; sourcesContent?: unknown[] };
      return map.sourcesContent?.length !== map.sources.length || map.sourcesContent.some((s) => typeof s !== 'string');
    });
}

/** Installs a tarball of the package in `dir` into a fresh project, from npm's cache where it can. */
function installed(dir: string): string {
  const work = mkdtempSync(join(tmpdir(), 'bf-install-'));
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], {
    cwd: dir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'a-site', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', `./${tarball}`], {
    cwd: work,
    stdio: 'pipe',
  });
  return work;
}

describe('the two packages (issue 16)', () => {
  it('booking-flow ships the elements only: no demo, no proxy, maps with their sources, a licence', () => {
    const files = packed();
    for (const unwanted of ['dist/demo/', 'dist/npm/proxy/', 'dist/npm/sandbox/', 'dist/proxy-package/'])
      assert.ok(!files.some((f) => f.startsWith(unwanted)), `ships ${unwanted}`);
    for (const wanted of ['LICENSE', 'CHANGELOG.md', 'README.md', 'custom-elements.json', 'dist/booking-flow.js'])
      assert.ok(files.includes(wanted), `ships no ${wanted}`);
    assert.deepEqual(brokenImports('.', files), []);
    assert.deepEqual(mapsWithoutSources('.', files), []);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['@lit/context', '@lit/task', 'date-fns', 'lit']);
  });

  it('prints the Subresource Integrity hash of each script-tag file, as the README’s CDN section uses them', () => {
    const hashes = JSON.parse(readFileSync('dist/integrity.json', 'utf8')) as Record<string, string>;
    const languages = ['ar', 'de', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt-BR', 'tr'];
    assert.deepEqual(Object.keys(hashes), [
      'booking-flow.js',
      'change-stream.js',
      'choice-search.js',
      'next-available-search.js',
      'step-layout.js',
      'summary-extras.js',
      ...languages.map((language) => `locales/${language}.js`),
    ]);
    for (const [file, hash] of Object.entries(hashes))
      assert.equal(
        hash,
        `sha384-${createHash('sha384')
          .update(readFileSync(`dist/${file}`))
          .digest('base64')}`,
      );
    assert.ok(packed().includes('dist/integrity.json'));
  });

  it('ships editor support made from the manifest: VS Code custom data and web-types, with value lists', () => {
    type Attr = { name: string; values?: { name: string }[] };
    const vscode = JSON.parse(readFileSync('vscode.html-custom-data.json', 'utf8')) as {
      tags: { name: string; attributes: Attr[] }[];
    };
    const webTypes = JSON.parse(readFileSync('web-types.json', 'utf8')) as {
      contributions: { html: { elements: { name: string; attributes: Attr[]; events: { name: string }[] }[] } };
    };
    const tags = ['availability-loader', 'booking-flow', 'booking-summary', 'branch-selector'];
    assert.deepEqual(vscode.tags.map((t) => t.name).slice(0, 4), tags);
    const flow = vscode.tags.find((t) => t.name === 'booking-flow')!;
    const values = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name)?.values?.map((v) => v.name);
    assert.deepEqual(values(flow.attributes, 'theme'), ['light', 'dark', 'auto']);
    assert.deepEqual(values(flow.attributes, 'week-starts-on')?.length, 7);
    assert.deepEqual(values(flow.attributes, 'hour-cycle'), ['h12', 'h23']);
    const webFlow = webTypes.contributions.html.elements.find((e) => e.name === 'booking-flow')!;
    assert.deepEqual(values(webFlow.attributes, 'theme'), ['light', 'dark', 'auto']);
    assert.ok(webFlow.events.some((e) => e.name === 'booking-confirmed'));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { 'web-types': string };
    assert.equal(pkg['web-types'], './web-types.json');
    for (const file of ['vscode.html-custom-data.json', 'web-types.json']) assert.ok(packed().includes(file), file);
  });

  it('booking-flow-proxy ships the proxy with only the server’s dependencies, every import inside it', () => {
    const dir = 'dist/proxy-package';
    const files = packed(dir);
    for (const wanted of ['lib/proxy/cli.js', 'lib/proxy/index.js', 'lib/proxy/index.d.ts', 'README.md', 'LICENSE'])
      assert.ok(files.includes(wanted), `ships no ${wanted}`);
    assert.ok(files.includes('booking-proxy.example.json'));
    assert.ok(!files.some((f) => f.includes('components/') || f.includes('internal/')), 'no browser code');
    assert.deepEqual(brokenImports(dir, files), []);
    assert.deepEqual(mapsWithoutSources(dir, files), []);
    assert.match(readFileSync(join(dir, 'lib/proxy/cli.js'), 'utf8'), /^#!\/usr\/bin\/env node/);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      bin: Record<string, string>;
    };
    for (const name of SERVER_PACKAGES) assert.ok(name in pkg.dependencies, `${name} is a dependency`);
    assert.ok(!('lit' in pkg.dependencies));
    assert.deepEqual(pkg.bin, { 'booking-flow-proxy': './lib/proxy/cli.js' });
  });

  it('booking-flow-proxy leads worker and edge bundlers to an entry without Node built-ins', async () => {
    const pkg = JSON.parse(readFileSync('dist/proxy-package/package.json', 'utf8')) as {
      exports: Record<string, Record<string, string>>;
    };
    for (const condition of ['workerd', 'worker', 'edge-light', 'browser'])
      assert.equal(pkg.exports['.']![condition], './lib/proxy/fetch.js', condition);
    assert.equal(pkg.exports['./fetch']!.default, './lib/proxy/fetch.js');
    // Bundled as wrangler would (no platform, so a Node built-in, Node's cluster among them, fails to resolve).
    const bundle = await build({
      entryPoints: ['dist/proxy-package/lib/proxy/fetch.js'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(bundle.metafile.inputs);
    assert.ok(inputs.some((f) => f.includes('rate-limiter-flexible/lib/RateLimiterMemory')));
    assert.ok(!inputs.some((f) => f.includes('RateLimiterCluster') || f.includes('node-server')));
  });

  it('a front-end install of booking-flow pulls no server package', () => {
    const site = installed('.');
    assert.ok(existsSync(join(site, 'node_modules/lit/package.json')));
    assert.ok(existsSync(join(site, 'node_modules/booking-flow/dist/booking-flow.js')));
    for (const name of SERVER_PACKAGES) assert.ok(!existsSync(join(site, 'node_modules', name)), `${name} installed`);
  });

  it('booking-flow-proxy installs with one command and runs with npx: init, then start with --allowed-origin', async () => {
    const server = installed('dist/proxy-package');
    assert.ok(!existsSync(join(server, 'node_modules/lit')), 'no browser package');
    const npx = ['npx', '--no-install', 'booking-flow-proxy'];
    const init = await runCli(npx[0]!, [...npx.slice(1), 'init'], server);
    assert.equal(init.code, 0, init.output);
    // The bin npx runs, started directly so that stopping it stops the server.
    const { url, child } = await startCli(
      join(server, 'node_modules/.bin/booking-flow-proxy'),
      ['--config', 'booking-proxy.json', '--port', '0', '--allowed-origin', 'http://localhost:5173'],
      server,
    );
    try {
      const res = await fetch(`${url}/health`, { headers: { origin: 'http://localhost:5173' } });
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.equal(((await res.json()) as { status: string }).status, 'ok');
    } finally {
      child.kill();
    }
    // And as a library: the fetch handler for any runtime.
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { createProxy, parseConfig, demoConfig } from 'booking-flow-proxy';" +
          "const p = createProxy({ upstream: 'sandbox', config: parseConfig(demoConfig) });" +
          "const r = await p.fetch(new Request('http://x/catalog')); console.log(r.status); await p.close();",
      ],
      { cwd: server, encoding: 'utf8' },
    );
    assert.equal(out.trim().split('\n').at(-1), '200', out);
  });
});
