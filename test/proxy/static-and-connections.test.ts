import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer, type RunningServer } from '../../src/proxy/node-server.js';
import { NOW, demo } from './fixtures.js';

/** A folder like a site's: a page, a script, and what must never be served from it. */
function site(): string {
  const root = mkdtempSync(join(tmpdir(), 'booking-static-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  writeFileSync(join(root, '.env'), 'CALCOM_API_KEY=cal_live_secret');
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), '[core]');
  symlinkSync('/etc/passwd', join(root, 'passwd'));
  symlinkSync('/etc', join(root, 'etc'));
  return root;
}

/** Sends raw bytes on one connection and collects what comes back until the server closes it or 1 s passes. */
function raw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    const done = () => resolve(text);
    socket.on('close', done);
    setTimeout(() => {
      socket.destroy();
      done();
    }, 1_000);
  });
}

describe('issue 11 #5, #10: static files and connections', () => {
  const servers: RunningServer[] = [];
  let root: string;
  before(() => {
    root = site();
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  const start = async (basePath?: string, limits?: { requestTimeoutMs: number; headersTimeoutMs: number }) => {
    const proxy = createProxy({ upstream: 'sandbox', config: demo(), now: () => NOW, log: () => {}, basePath });
    const running = await startNodeServer({ proxy, port: 0, basePath, staticDir: root, limits });
    servers.push(running);
    return running.url;
  };

  for (const basePath of [undefined, '/booking-api']) {
    it(`serves files with nosniff, a referrer policy and a CSP on pages, and the proxy beside them (nosniff on its JSON) (base path ${basePath ?? 'none'})`, async () => {
      const url = await start(basePath);
      const page = await fetch(`${url}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const script = await fetch(`${url}/app.js`);
      assert.equal(script.status, 200);
      assert.equal(script.headers.get('x-content-type-options'), 'nosniff');
      const catalog = await fetch(`${url}${basePath ?? ''}/catalog`);
      assert.equal(catalog.status, 200);
      assert.equal(catalog.headers.get('x-content-type-options'), 'nosniff');
    });
  }

  it('never serves dotfiles, dot folders or files behind links that leave the root', async () => {
    const url = await start();
    for (const path of ['/.env', '/.git/config', '/passwd', '/etc/hostname', '/%2eenv', '/.%65nv', '/app.js/../.env']) {
      const res = await fetch(`${url}${path}`);
      const text = await res.text();
      assert.equal(res.status, 404, path);
      assert.ok(!text.includes('cal_live_secret') && !text.includes('root:') && !text.includes('[core]'), path);
      assert.equal(res.headers.get('content-type'), 'application/json', `${path}: the proxy's JSON 404`);
    }
  });

  it('closes the connection after an early 413, so the unread body is never taken for the next request', async () => {
    const url = await start();
    const body = 'x'.repeat(256 * 1024);
    const answer = await raw(
      url,
      `POST /bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
        'GET /health HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    assert.match(answer, /^HTTP\/1\.1 413/);
    assert.match(answer, /connection: close/i);
    assert.equal(answer.match(/HTTP\/1\.1 /g)?.length, 1, 'nothing answered from the leftover body');
    // A Node client sees a clean answer, not ECONNRESET.
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${url}/bookings`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    assert.equal(status, 413);
  });

  it('drops a client that sends its request too slowly (requestTimeout) instead of holding the connection', async () => {
    const url = await start(undefined, { requestTimeoutMs: 300, headersTimeoutMs: 200 });
    const started = performance.now();
    const answer = await raw(
      url,
      'POST /bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    assert.ok(performance.now() - started < 1_000);
    assert.match(answer, /^HTTP\/1\.1 408|^$/);
  });

  it('closes the connection after any answer given before the body was read', async () => {
    const url = await start();
    const answer = await raw(
      url,
      'POST /bookings HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nGET /health ',
    );
    assert.match(answer, /^HTTP\/1\.1 415/);
    assert.match(answer, /connection: close/i);
  });
});
