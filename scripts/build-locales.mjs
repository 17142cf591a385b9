// dist/locales/<language>.js for every file in src/locales, one Vite build each (vite.config.ts, mode cdn-locales):
// a file that imports nothing, so it works wherever it is placed.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'vite';

rmSync('dist/locales', { recursive: true, force: true });
for (const file of readdirSync('src/locales').sort()) {
  process.env.BUILD_LOCALE = file.replace(/\.ts$/, '');
  await build({ mode: 'cdn-locales', logLevel: 'error' });
}
