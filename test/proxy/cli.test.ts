import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseConfig } from '../../src/proxy/config.js';
import { STARTER_CONFIG, readConfigText } from '../../src/proxy/starter-config.js';
import { runCli, startCli } from '../helpers/cli.js';

const CLI = ['--import', 'tsx', 'src/proxy/cli.ts'];

describe('booking-flow-proxy CLI: init, --allowed-origin, --help (issue 16)', () => {
  it('init writes a commented starter config that the proxy starts with as it is, and never overwrites', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bf-init-'));
    const file = join(dir, 'booking-proxy.json');
    const made = await runCli(process.execPath, [...CLI, 'init', file]);
    assert.equal(made.code, 0, made.output);
    assert.match(made.output, /Wrote .*booking-proxy\.json/);
    const text = await readFile(file, 'utf8');
    assert.match(text, /^\/\/ booking-proxy\.json/);
    assert.ok(parseConfig(readConfigText(text, file)), 'valid once its comments are read past');
    // The Node snippet in docs/proxy.md hands parseConfig the file's text, comments and all.
    assert.deepEqual(parseConfig(text), parseConfig(readConfigText(text, file)));
    assert.throws(() => parseConfig('{ "branches": [ }'), /booking-proxy config is not JSON/);
    const again = await runCli(process.execPath, [...CLI, 'init', file]);
    assert.equal(again.code, 1);
    assert.match(again.output, /exists already; left as it is/);
    assert.equal(await readFile(file, 'utf8'), text);
    const { url, child } = await startCli(process.execPath, [...CLI, '--config', file, '--port', '0']);
    try {
      const catalog = (await (await fetch(`${url}/catalog`)).json()) as { services: { id: string }[] };
      assert.deepEqual(
        catalog.services.map((s) => s.id),
        ['haircut'],
      );
    } finally {
      child.kill();
    }
  });

  it('--allowed-origin (repeatable) lets those pages call it across origins, and a bad one is refused by name', async () => {
    const { url, child } = await startCli(process.execPath, [
      ...CLI,
      '--port',
      '0',
      '--allowed-origin',
      'http://localhost:5173',
      '--allowed-origin',
      'https://shop.example',
    ]);
    try {
      for (const origin of ['http://localhost:5173', 'https://shop.example']) {
        const res = await fetch(`${url}/catalog`, { headers: { origin } });
        assert.equal(res.headers.get('access-control-allow-origin'), origin);
      }
      const other = await fetch(`${url}/catalog`, { headers: { origin: 'https://elsewhere.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      child.kill();
    }
    const bad = await runCli(process.execPath, [...CLI, '--port', '0', '--allowed-origin', 'localhost:5173']);
    assert.equal(bad.code, 1);
    assert.match(bad.output, /allowedOrigins\.0 must be an http\(s\) origin/);
  });

  it('init --json writes the same config as plain JSON, which a JSON import (no comments) can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bf-init-json-'));
    const file = join(dir, 'booking-proxy.json');
    const made = await runCli(process.execPath, [...CLI, 'init', file, '--json']);
    assert.equal(made.code, 0, made.output);
    const text = await readFile(file, 'utf8');
    assert.deepEqual(parseConfig(JSON.parse(text)), parseConfig(STARTER_CONFIG));
    const stray = await runCli(process.execPath, [...CLI, '--json', '--port', '0']);
    assert.equal(stray.code, 1);
    assert.match(stray.output, /--json goes with init/);
  });

  it('--help lists every flag and the init command', async () => {
    const { code, output } = await runCli(process.execPath, [...CLI, '--help']);
    assert.equal(code, 0);
    const cli = await readFile('src/proxy/cli.ts', 'utf8');
    const flags = [...cli.matchAll(/^\s+'?([a-z-]+)'?: \{ type: '(?:string|boolean)'/gm)].map((m) => m[1]!);
    assert.ok(flags.length >= 10, `found the flags: ${flags.join(', ')}`);
    for (const flag of flags) assert.match(output, new RegExp(`--${flag}\\b`), `--help names --${flag}`);
    assert.match(output, /init \[file\]/);
    const docs = await readFile('docs/proxy.md', 'utf8');
    for (const flag of flags) assert.match(docs, new RegExp(`--${flag}\\b`), `docs/proxy.md names --${flag}`);
  });

  it('reads comments in a config, and says which file is not JSON', async () => {
    assert.deepEqual(readConfigText('// a\n{ "a": "https://x.example" /* b */ }', 'f.json'), {
      a: 'https://x.example',
    });
    assert.throws(() => readConfigText('{ nope', 'f.json'), /f\.json is not JSON/);
    assert.match(STARTER_CONFIG, /--allowed-origin/);
    const dir = await mkdtemp(join(tmpdir(), 'bf-bad-'));
    await writeFile(join(dir, 'x.json'), '{ nope');
    const { code, output } = await runCli(process.execPath, [...CLI, '--config', join(dir, 'x.json')]);
    assert.equal(code, 1);
    assert.match(output, /x\.json is not JSON/);
  });
});
