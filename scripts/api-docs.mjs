// Writes the README's element reference (attributes, events, CSS properties, parts, slots) from custom-elements.json.
// Runs in `npm run build` after the manifest; test/build/readme.test.ts fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- api:start (generated from custom-elements.json by scripts/api-docs.mjs) -->';
const END = '<!-- api:end -->';

const cell = (text = '') => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** @param {unknown} manifest custom-elements.json, parsed */
export function apiTables(manifest) {
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  const out = [];
  for (const el of elements.sort((a, b) => a.tagName.localeCompare(b.tagName))) {
    out.push(`### \`<${el.tagName}>\``, '', cell(el.summary ?? ''), '');
    const attributes = el.attributes ?? [];
    if (attributes.length) {
      out.push('| attribute | type | description |', '|---|---|---|');
      for (const a of attributes) out.push(`| \`${a.name}\` | \`${cell(a.type?.text)}\` | ${cell(a.description)} |`);
      out.push('');
    }
    const events = el.events ?? [];
    if (events.length) {
      out.push('| event | detail | description |', '|---|---|---|');
      for (const e of events) out.push(`| \`${e.name}\` | \`${cell(e.type?.text)}\` | ${cell(e.description)} |`);
      out.push('');
    }
    const rows = [
      ...(el.cssProperties ?? []).map((p) => ['CSS property', p.name, p.description]),
      ...(el.cssParts ?? []).map((p) => ['part', p.name, p.description]),
      ...(el.slots ?? []).map((s) => ['slot', s.name || '(default)', s.description]),
    ];
    if (rows.length) {
      out.push('| styling | name | description |', '|---|---|---|');
      for (const [kind, name, description] of rows) out.push(`| ${kind} | \`${name}\` | ${cell(description)} |`);
      out.push('');
    }
  }
  return `${START}\n\n${out.join('\n').trim()}\n\n${END}`;
}

/**
 * The README with its generated section replaced.
 * @param {string} readme
 * @param {unknown} manifest
 */
export function withApiTables(readme, manifest) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < 0) throw new Error('README.md has no api:start / api:end markers');
  return readme.slice(0, start) + apiTables(manifest) + readme.slice(end + END.length);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFileSync('README.md', withApiTables(readFileSync('README.md', 'utf8'), manifest));
  console.log('README.md: element reference updated from custom-elements.json');
}
