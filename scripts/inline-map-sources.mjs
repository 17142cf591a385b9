// The script-tag build's source maps name their sources by path only; the package does not ship src/, so each
// map gets its sources' text (sourcesContent), and a map stays useful wherever the bundle is served from.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const dirs = ['dist', 'dist/locales'];
for (const dir of dirs)
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js.map'))) {
    const path = join(dir, file);
    const map = JSON.parse(readFileSync(path, 'utf8'));
    const base = resolve(dirname(path), map.sourceRoot ?? '');
    map.sourcesContent = map.sources.map((source) => readFileSync(resolve(base, source), 'utf8'));
    writeFileSync(path, JSON.stringify(map));
  }
