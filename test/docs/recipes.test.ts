import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { workspace } from './workspace.js';

// Issue 16: the recipes in examples/ as a user would run them, against the packed packages (npm run build first):
// each app type-checks with its own tools and builds; the WordPress plugin passes php -l and prints the element.

let ws = '';
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** What a command that must fail printed (tsc and vue-tsc print their errors on stdout). */
function failure(cmd: string, args: string[], cwd: string): string {
  try {
    run(cmd, args, cwd);
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return stdout + stderr;
  }
  return assert.fail(`${cmd} ${args.join(' ')} passed`);
}

/** Copies examples/<name> into the workspace and returns where. */
function example(name: string): string {
  const dir = join(ws, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join('examples', name), dir, { recursive: true, filter: (src) => !src.endsWith('package.json') });
  return dir;
}

describe('recipes (examples/)', () => {
  before(() => (ws = workspace()));

  it('React 19 + TypeScript: tsc -b passes on the typings and vite builds the app with the elements', () => {
    const dir = example('vite-react');
    run(join(ws, 'node_modules/.bin/tsc'), ['-b'], dir);
    run(join(ws, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], dir);
    const built = readFileSync(join(dir, 'dist/index.html'), 'utf8');
    assert.match(built, /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
  });

  it('React: tsc -b rejects a wrong attribute value and a wrong event detail', () => {
    const dir = example('vite-react');
    const file = join(dir, 'src/Booking.tsx');
    const source = readFileSync(file, 'utf8');
    for (const broken of [
      source.replace('locale="en-GB"', 'locale={3}'),
      source.replace('e.detail.booking.start', 'e.detail.booking.when'),
    ]) {
      writeFileSync(file, broken);
      assert.match(failure(join(ws, 'node_modules/.bin/tsc'), ['-b', '--force', '--pretty', 'false'], dir), /error TS2322|error TS2339/);
    }
  });

  it('Vue 3: vue-tsc checks the template against GlobalComponents and vite builds it as custom elements', () => {
    const dir = example('vite-vue');
    run(join(ws, 'node_modules/.bin/vue-tsc'), ['--noEmit'], dir);
    run(join(ws, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], dir);
    const broken = readFileSync(join(dir, 'src/App.vue'), 'utf8').replace(
      "CustomEvent<BookingEventDetails['booking-confirmed']>",
      'CustomEvent<{ at: number }>',
    );
    writeFileSync(join(dir, 'src/App.vue'), broken);
    assert.match(failure(join(ws, 'node_modules/.bin/vue-tsc'), ['--noEmit', '--pretty', 'false'], dir), /Property 'booking' does not exist/);
  });

  it('WordPress: the plugin passes php -l; its shortcode and block print the element, escaped, and enqueue it', () => {
    const plugin = 'examples/wordpress/booking-flow';
    for (const file of ['booking-flow.php', 'editor.asset.php']) run('php', ['-l', join(plugin, file)], '.');
    run('node', ['--check', join(plugin, 'editor.js')], '.');
    const out = JSON.parse(
      run(
        'php',
        [
          'test/docs/wordpress-stubs.php',
          join(plugin, 'booking-flow.php'),
          JSON.stringify({ branch: 'berlin', locale: 'de-DE', staff: '"><script>alert(1)</script>' }),
          JSON.stringify({ proxyUrl: 'https://booking.salon.example', service: 'haircut' }),
        ],
        '.',
      ),
    ) as { shortcode: string; block: string; modules: Record<string, string>; enqueued: string[] };
    assert.equal(
      out.shortcode,
      '<booking-flow proxy-url="/booking-api" branch="berlin" ' +
        'staff="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" locale="de-DE" theme="auto"></booking-flow>',
    );
    assert.equal(
      out.block,
      '<booking-flow proxy-url="https://booking.salon.example" service="haircut" theme="auto"></booking-flow>',
    );
    assert.deepEqual(out.enqueued, ['booking-flow', 'booking-flow-de']);
    assert.match(out.modules['booking-flow']!, /\/booking-flow\/assets\/booking-flow\.js$/);
    const block = JSON.parse(readFileSync(join(plugin, 'block.json'), 'utf8')) as { attributes: object };
    assert.deepEqual(Object.keys(block.attributes), ['proxyUrl', 'branch', 'service', 'staff', 'locale', 'theme']);
  });
});
