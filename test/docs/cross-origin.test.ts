import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/demo-server.js';
import { comingTuesday } from '../../scripts/bench/tuesday.js';
import { startCli, type RunningCli } from '../helpers/cli.js';
import { workspace } from './workspace.js';

// examples/cross-origin/index.html on three origins, as a site would have it: the page on one, the installed
// package's dist/ on a CDN-like second one, the proxy (installed, npx) on a third allowing the page's origin.

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

/** A static server for `root` on `host`; with `cors`, it sends Access-Control-Allow-Origin as CDNs do. */
function serve(root: string, host: string, cors: boolean, page?: (text: string) => string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'index.html' : path);
    readFile(file, 'utf8').then(
      (text) => {
        const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'text/plain' };
        if (cors) headers['access-control-allow-origin'] = '*';
        res.writeHead(200, headers).end(page && file.endsWith('.html') ? page(text) : text);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}

const origin = (server: Server, host: string) => `http://${host}:${(server.address() as AddressInfo).port}`;

describe('recipe: a plain page, the script on a CDN, the proxy on a third origin', () => {
  let browser: Browser;
  const servers: Server[] = [];
  let proxy: RunningCli | undefined;
  let dist = '';
  before(async () => {
    dist = join(workspace(), 'node_modules/booking-flow/dist');
    browser = await launchChromium();
  });
  after(async () => {
    proxy?.child.kill();
    for (const server of servers) server.close();
    await browser?.close();
  });

  /** Starts the three origins; returns the page's URL. */
  async function site(cors: boolean): Promise<string> {
    const cdn = await serve(dist, 'localhost', cors);
    servers.push(cdn);
    let proxyUrl = '';
    const page = await serve('examples/cross-origin', '127.0.0.1', false, (html) =>
      html
        .replaceAll('https://cdn.salon.example/booking-flow@0.1.0/dist', origin(cdn, 'localhost'))
        .replaceAll('https://booking.salon.example', proxyUrl),
    );
    servers.push(page);
    proxy?.child.kill();
    const bin = join(dist, '../../.bin/booking-flow-proxy');
    proxy = await startCli(bin, ['--port', '0', '--base-path', '/booking-api', '--allowed-origin', origin(page, '127.0.0.1')]);
    proxyUrl = new URL(proxy.url).origin;
    return origin(page, '127.0.0.1');
  }

  it('shows the week in German, the words loaded from the CDN, the times from the proxy', async () => {
    const url = await site(true);
    const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'de-DE' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The proxy's sandbox runs on the real clock: on a weekend evening this week has no times left, the next has.
    await page.clock.setFixedTime(comingTuesday());
    await page.goto(url);
    await page.getByRole('button', { name: /\d{2}:\d{2}, 30 Minuten/ }).first().waitFor({ timeout: 15_000 });
    assert.ok(await page.getByText('Freie Termine').first().isVisible());
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('without Access-Control-Allow-Origin on the script host, the module is blocked (why the docs ask for it)', async () => {
    const url = await site(false);
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => message.text().includes('CORS') && blocked.push(message.text()));
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    assert.equal(await page.evaluate(() => customElements.get('booking-flow')), undefined);
    assert.ok(blocked.length > 0, 'Chromium reports the CORS block');
    await page.close();
  });
});
