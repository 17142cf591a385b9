import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { startCli } from '../helpers/cli.js';
import { ConfigError, parseConfig } from '../../src/proxy/config.js';
import { demoConfig } from '../../src/sandbox/demo-data.js';

const clone = () => structuredClone(demoConfig) as Record<string, unknown> & typeof demoConfig;

function fieldOf(input: unknown): string {
  try {
    parseConfig(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    assert.match(error.message, new RegExp(`^booking-proxy config: ${error.field.replace(/\./g, '\\.')} `));
    return error.field;
  }
  return 'no error';
}

describe('proxy config', () => {
  it('accepts the demo config and fills defaults', () => {
    const config = parseConfig({ services: demoConfig.services, branches: demoConfig.branches });
    assert.equal(config.cacheTtlSeconds, 60);
    assert.deepEqual(config.allowedOrigins, []);
    assert.deepEqual(config.staff, []);
  });

  it('accepts the documented example, examples/booking-proxy.json', () => {
    const config = parseConfig(JSON.parse(readFileSync('examples/booking-proxy.json', 'utf8')));
    assert.equal(config.services.length, 2);
    assert.deepEqual(config.rateLimit, {
      requestsPerMinute: 120,
      bookingsPerMinute: 10,
      holdsPerMinute: 30,
      managePerMinute: 10,
      webhooksPerMinute: 300,
      trustProxy: false,
    });
    assert.equal(config.upstream.staleIfErrorSeconds, 600);
  });

  it('names the bad field', () => {
    const cases: [(c: ReturnType<typeof clone>) => void, string][] = [
      [(c) => void (c.cacheTtlSeconds = -1), 'cacheTtlSeconds'],
      [(c) => void (c.allowedOrigins = ['not a url']), 'allowedOrigins.0'],
      [(c) => void (c.services[1]!.eventTypeId = 1.5), 'services.1.eventTypeId'],
      [(c) => void (c.services[0]!.branchIds = ['paris']), 'services.0.branchIds.0'],
      [(c) => void (c.branches![1]!.timeZone = 'Berlin'), 'branches.1.timeZone'],
      [(c) => void (c.staff![0]!.serviceIds = ['nails']), 'staff.0.serviceIds.0'],
      [(c) => void delete c.staff![1]!.username, 'staff.1'],
      [(c) => void delete c.services[0]!.eventTypeSlug, 'staff.0.serviceIds.0'],
      [(c) => void c.services.push({ ...c.services[0]! }), `services.${clone().services.length}.id`],
      [(c) => void (c.services = []), 'services'],
      [(c) => void (c.extra = true), 'extra'],
      [(c) => void Object.assign(c, { calcom: { apiKey: 'cal_live_x' } }), 'calcom.apiKey'],
    ];
    for (const [mutate, field] of cases) {
      const config = clone();
      mutate(config);
      assert.equal(fieldOf(config), field);
    }
  });

  it('says a count, limit or length must be a whole number, and which', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ cacheTtlSeconds: 1.5 }, 'cacheTtlSeconds'],
      [{ rateLimit: { holdsPerMinute: 2.5 } }, 'rateLimit.holdsPerMinute'],
      [{ upstream: { retries: 0.5 } }, 'upstream.retries'],
      [{ live: { heartbeatSeconds: 9.9 } }, 'live.heartbeatSeconds'],
    ];
    for (const [patch, field] of cases)
      assert.throws(
        () => parseConfig({ ...clone(), ...patch }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.field === field &&
          error.message === `booking-proxy config: ${field} must be a whole number`,
      );
    const service = { ...clone().services[0]!, durationMinutes: 30.5 };
    assert.throws(
      () => parseConfig({ ...clone(), services: [service] }),
      /services\.0\.durationMinutes must be a whole/,
    );
  });
});

describe('booking-flow-proxy CLI', () => {
  it('starts on the sandbox, says so, and answers /health', async () => {
    const { url, output, child } = await startCli(process.execPath, [
      '--import',
      'tsx',
      'src/proxy/cli.ts',
      '--port',
      '0',
    ]);
    try {
      assert.match(output, /built-in Cal\.com sandbox/);
      const health = await fetch(`${url}/health`);
      assert.deepEqual(await health.json(), { status: 'ok', upstream: 'sandbox', circuit: 'closed', reasons: [] });
    } finally {
      child.kill();
    }
  });

  it('refuses a bad config file with the field named', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'bf-'));
    const file = join(dir, 'booking-proxy.json');
    await writeFile(
      file,
      JSON.stringify({ services: [{ id: 'x', name: 'X', eventTypeId: 'seven', durationMinutes: 30 }] }),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/proxy/cli.ts', '--config', file, '--port', '0']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /services\.0\.eventTypeId/);
  });
});
