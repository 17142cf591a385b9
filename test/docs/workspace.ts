import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One project outside the repository, as a user would have: both packages installed from their tarballs (what
// `npm pack` publishes) beside every example's own dependencies and the tools the docs use (tsx, tsc).
// Made once per build and reused by the docs tests (npm run build first).

const TOOLS = ['tsx', '@types/node'];

/** Every example's dependencies, with the two packages of this repository replaced by their tarballs. */
function dependencies(tarballs: Record<string, string>): Record<string, string> {
  const own = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
  const all: Record<string, string> = Object.fromEntries(TOOLS.map((name) => [name, own.devDependencies[name]!]));
  for (const example of readdirSync('examples')) {
    const file = join('examples', example, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
    Object.assign(all, pkg.dependencies, pkg.devDependencies);
  }
  return { ...all, ...tarballs };
}

function pack(dir: string, into: string): string {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', into], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
  return String(out).trim().split('\n').at(-1)!;
}

/** The directory of the installed workspace (made on the first call after a build). */
export function workspace(): string {
  const staging = join(tmpdir(), 'booking-flow-docs-staging');
  mkdirSync(staging, { recursive: true });
  const tarballs = { 'booking-flow': pack('.', staging), 'booking-flow-proxy': pack('dist/proxy-package', staging) };
  const hash = createHash('sha256');
  for (const file of Object.values(tarballs)) hash.update(readFileSync(join(staging, file)));
  hash.update(JSON.stringify(dependencies(tarballs)));
  const dir = join(tmpdir(), `booking-flow-docs-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(dir, '.installed'))) return dir;

  mkdirSync(dir, { recursive: true });
  for (const file of Object.values(tarballs)) writeFileSync(join(dir, file), readFileSync(join(staging, file)));
  const deps = dependencies(
    Object.fromEntries(Object.entries(tarballs).map(([name, file]) => [name, `file:./${file}`])),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'a-site', private: true, type: 'module', dependencies: deps }, null, 2),
  );
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
  writeFileSync(join(dir, '.installed'), '');
  return dir;
}
