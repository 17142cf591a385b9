import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ts from 'typescript';
import type { Plugin, UserConfig } from 'vite';
import viteConfig from '../../vite.config.js';

// The script-tag build squeezes the whitespace of Lit's html`` templates (vite.config.ts, mode cdn). The minifier
// reads each template as a document of its own, so it trims a template's outer whitespace, which is right for a
// line break before a block but loses a space that separates words: `${label}${today ? html` <span>…` showed
// "8 Dec(today)" in dist/booking-flow.js alone (the demo and the component tests rendered the source then; both use
// the minifier now, scripts/template-minify.mjs). A space written on one line, at a template's edge or next to an
// expression in text, must still be there after the build's minifier.

type Transform = (code: string, id: string) => Promise<{ code?: string } | undefined>;

const config = (viteConfig as (env: { mode: string; command: 'build' }) => UserConfig)({
  mode: 'cdn',
  command: 'build',
});
const minifier = (config.plugins as Plugin[]).find((plugin) => plugin.name === 'minify-literals');
const minify = minifier?.transform as Transform | undefined;

/** Each html`` template's literal parts (the text between its expressions), in source order. */
function templates(code: string): string[][] {
  const file = ts.createSourceFile('t.ts', code, ts.ScriptTarget.Latest, true);
  const found: string[][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'html') {
      const t = node.template;
      found.push(
        ts.isNoSubstitutionTemplateLiteral(t)
          ? [t.rawText ?? '']
          : [t.head.rawText ?? '', ...t.templateSpans.map((span) => span.literal.rawText ?? '')],
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Whether the text after `parts[0..k)` sits inside a tag (an attribute's expression) rather than in text. */
function inTag(parts: string[], k: number): boolean {
  const before = parts.slice(0, k).join('\0');
  return before.lastIndexOf('<') > before.lastIndexOf('>');
}

/** The spaces of one template that separate words: written on one line, at an edge that meets text. */
function wordSpaces(parts: string[]): { part: number; edge: 'start' | 'end' }[] {
  const spaces: { part: number; edge: 'start' | 'end' }[] = [];
  parts.forEach((text, k) => {
    if (inTag(parts, k)) return;
    // A run of whitespace with a line break in it is the code's layout, not a space between words.
    const lead = /^\s+/.exec(text)?.[0];
    // At the template's start, a space counts before text or an element; after an expression, before anything.
    if (lead && !lead.includes('\n') && (k > 0 || lead !== text)) spaces.push({ part: k, edge: 'start' });
    const tail = /\s+$/.exec(text);
    if (tail && tail.index > 0 && !tail[0].includes('\n') && (k < parts.length - 1 || !text.trimEnd().endsWith('>')))
      spaces.push({ part: k, edge: 'end' });
  });
  return spaces;
}

describe('html`` templates in the script-tag build', () => {
  const files = execSync("git ls-files 'src/*.ts'", { encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('.ts') && readFileSync(file, 'utf8').includes('html`'));

  it('are minified by the build (the check below reads what the build writes)', async () => {
    assert.ok(minify, 'vite.config.ts (mode cdn) minifies templates with minify-literals');
    const code = 'const x = html`<p>\n  a <b>b</b>\n</p>`;';
    assert.equal((await minify(code, 'x.ts'))?.code, 'const x = html`<p>a <b>b</b></p>`;');
  });

  it('keep every space that separates words', async () => {
    assert.ok(files.length > 10, `found the templates' files (${files.length})`);
    const lost: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const before = templates(source);
      const after = templates((await minify!(source, file))?.code ?? source);
      assert.equal(after.length, before.length, `${file}: the same templates after minifying`);
      before.forEach((parts, i) => {
        for (const { part, edge } of wordSpaces(parts)) {
          const kept = after[i]![part]!;
          if (!(edge === 'start' ? /^\s/ : /\s$/).test(kept))
            lost.push(`${file}: ${JSON.stringify(parts[part])} became ${JSON.stringify(kept)}`);
        }
      });
    }
    assert.deepEqual(lost, [], 'write the space in the template around it (between its two expressions)');
  });
});
