import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SPEC_ELEMENTS, SPEC_EVENTS } from './spec.js';

// Checks what `npm run build` made against what the package promises (package.json exports, SPEC.md elements).
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  sideEffects: string[];
  dependencies: Record<string, string>;
};

describe('npm package and script-tag build', () => {
  it('has a built file, and types, behind every export', () => {
    for (const [entry, target] of Object.entries(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : [target.default, target.types];
      for (const file of files) assert.ok(existsSync(file), `${entry} -> ${file} is missing (run npm run build)`);
    }
  });

  it('exports the root, ./define and every element of SPEC.md (the proxy is a package of its own)', () => {
    for (const entry of ['.', './define', ...SPEC_ELEMENTS.map((tag) => `./elements/${tag}`)]) {
      assert.ok(entry in pkg.exports, `exports has no ${entry}`);
    }
    assert.ok(!('./proxy' in pkg.exports));
  });

  it('keeps lit external in the npm build, and marks only registering files as side effects', () => {
    const flow = readFileSync('dist/npm/components/booking-flow/booking-flow.js', 'utf8');
    assert.match(flow, /from 'lit'/);
    assert.ok('lit' in pkg.dependencies, 'lit is a dependency');
    assert.match(readFileSync('dist/proxy-package/lib/model/zoned-range.js', 'utf8'), /from '@date-fns\/tz'/);
    assert.ok(
      !readFileSync('dist/npm/index.js', 'utf8').includes('customElements.define'),
      'the root entry registers nothing',
    );
    assert.ok(pkg.sideEffects.some((p) => p.includes('elements/')));
  });

  it('ships dist/booking-flow.js as one self-contained minified module that registers every element', () => {
    const bundle = readFileSync('dist/booking-flow.js', 'utf8');
    assert.doesNotMatch(
      bundle,
      /(?:^|[;\n])\s*import\s*(?:[\w{}*\s,]+from\s*)?["'][^./]/,
      'no bare imports: Lit is bundled',
    );
    for (const tag of SPEC_ELEMENTS)
      assert.match(bundle, new RegExp(`["'\`]${tag}["'\`]`), `${tag} is registered by the bundle`);
    assert.ok(!bundle.includes('/**') && !bundle.includes('@summary'), 'minified: no doc comments left');
    // Its other modules load from beside it: the live stream once a loader is on the page (issue 13), the search
    // over a long list once a step has one, "Show next available" once a week is in, and the step-by-step layout once a flow asks for it (issue 19), and what follows a chosen time (hold, calendar file, change,
    // cancel) once a summary is (issue 14).
    assert.deepEqual(bundle.match(/import\(["'][^"']+["']\)/g)?.sort(), [
      'import("./change-stream.js")',
      'import("./choice-search.js")',
      'import("./next-available-search.js")',
      'import("./step-layout.js")',
      'import("./summary-extras.js")',
    ]);
    const live = readFileSync('dist/change-stream.js', 'utf8');
    assert.doesNotMatch(live, /\bimport\b/, 'the live stream imports nothing');
    assert.match(live, /EventSource/);
    // The extras take Lit and the rest from the bundle itself: no third file, and no second copy of Lit.
    const extras = readFileSync('dist/summary-extras.js', 'utf8');
    assert.deepEqual(
      [...extras.matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]),
      ['./booking-flow.js'],
    );
    assert.match(extras, /slots\/reservations|\/holds/);
  });

  it('declares every element in HTMLElementTagNameMap and every event in HTMLElementEventMap', () => {
    const types = SPEC_ELEMENTS.map((tag) => readFileSync(`dist/npm/components/${tag}/${tag}.d.ts`, 'utf8')).join('\n');
    for (const tag of SPEC_ELEMENTS) assert.match(types, new RegExp(`'${tag}': \\w+;`));
    const events = readFileSync('dist/npm/public/events.d.ts', 'utf8');
    assert.match(events, /interface HTMLElementEventMap extends BookingEvents/);
    for (const name of SPEC_EVENTS) {
      assert.match(events, new RegExp(`'${name}':`));
    }
  });
});
