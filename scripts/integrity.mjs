// Prints (and writes to dist/integrity.json) the Subresource Integrity hash of each script-tag file, for a
// version-pinned <script integrity="..."> and an import map's "integrity" entries for the chunks beside it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const LOCALES = readdirSync('dist/locales')
  .filter((file) => file.endsWith('.js'))
  .sort()
  .map((file) => `locales/${file}`);
const FILES = [
  'booking-flow.js',
  'change-stream.js',
  'choice-search.js',
  'next-available-search.js',
  'step-layout.js',
  'summary-extras.js',
  ...LOCALES,
];
const hashes = Object.fromEntries(
  FILES.map((file) => [
    file,
    `sha384-${createHash('sha384')
      .update(readFileSync(`dist/${file}`))
      .digest('base64')}`,
  ]),
);
writeFileSync('dist/integrity.json', JSON.stringify(hashes, null, 2) + '\n');
for (const [file, hash] of Object.entries(hashes)) console.log(`${file}  ${hash}`);
