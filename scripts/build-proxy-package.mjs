// Builds the second installable, booking-flow-proxy, into dist/proxy-package: the proxy's compiled modules (what
// src/proxy/index.ts and cli.ts import, with their declarations and source maps) and a package.json that lists only
// the server's dependencies. The repository keeps one layout; `npm pack dist/proxy-package` makes the tarball.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const built = join(root, 'dist/npm');
const out = join(root, 'dist/proxy-package');
const ENTRIES = ['proxy/index', 'proxy/fetch', 'proxy/cli'];
/** The server's own dependencies: what the proxy imports, at the versions the repository tests. */
const DEPENDENCIES = [
  '@date-fns/tz',
  '@hono/node-server',
  'date-fns',
  'hono',
  'ioredis',
  'lru-cache',
  'rate-limiter-flexible',
  'strip-json-comments',
  'valibot',
];

if (!existsSync(join(built, 'proxy/index.js'))) throw new Error('build the npm files first: npm run build:npm');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const versions = { ...pkg.dependencies, ...pkg.devDependencies };

/** Every module the entries reach through relative imports, in their .js and .d.ts forms. */
function closure() {
  const seen = new Set();
  const visit = (module) => {
    if (seen.has(module)) return;
    seen.add(module);
    for (const ext of ['.js', '.d.ts']) {
      const text = readFileSync(join(built, module + ext), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g))
        visit(relative(built, join(built, dirname(module), spec)));
    }
  };
  ENTRIES.forEach(visit);
  return [...seen].sort();
}

rmSync(out, { recursive: true, force: true });
const modules = closure();
for (const module of modules)
  for (const ext of ['.js', '.d.ts', '.js.map']) {
    const from = join(built, module + ext);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(out, 'lib', module)), { recursive: true });
    cpSync(from, join(out, 'lib', module + ext));
  }

const missing = DEPENDENCIES.filter((name) => !versions[name]);
if (missing.length) throw new Error(`no version for ${missing.join(', ')} in package.json`);
const manifest = {
  name: 'booking-flow-proxy',
  version: pkg.version,
  description:
    'The booking-flow proxy: keeps the Cal.com API key on the server, caches availability, books exactly once.',
  license: pkg.license,
  type: 'module',
  engines: pkg.engines,
  bin: { 'booking-flow-proxy': './lib/proxy/cli.js' },
  main: './lib/proxy/index.js',
  types: './lib/proxy/index.d.ts',
  // Worker and edge bundlers (wrangler, Vercel Edge, a browser build) get the entry without the Node server.
  exports: {
    '.': {
      types: './lib/proxy/index.d.ts',
      ...Object.fromEntries(['workerd', 'worker', 'edge-light', 'browser'].map((c) => [c, './lib/proxy/fetch.js'])),
      default: './lib/proxy/index.js',
    },
    './fetch': { types: './lib/proxy/fetch.d.ts', default: './lib/proxy/fetch.js' },
    './package.json': './package.json',
  },
  files: ['lib', 'README.md', 'LICENSE', 'booking-proxy.example.json'],
  dependencies: Object.fromEntries(DEPENDENCIES.map((name) => [name, versions[name]])),
};
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
cpSync(join(root, 'docs/proxy.md'), join(out, 'README.md'));
cpSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
cpSync(join(root, 'examples/booking-proxy.json'), join(out, 'booking-proxy.example.json'));
console.log(`dist/proxy-package: booking-flow-proxy@${pkg.version}, ${modules.length} modules`);
