import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchChromium } from '../e2e/demo-server.js';
import { startCli, type RunningCli } from '../helpers/cli.js';

// HTML, JavaScript and CSS blocks of the docs, run in Chromium on the site the README writes them for:
// https://your-site.example (served by routing, so the blocks' URLs stay as they are), with the installed
// package's dist/ at its root, the installed proxy (on the sandbox) under /booking-api, the installed package on
// jsDelivr's URL (with the CORS header jsDelivr sends), and the README's Content Security Policy on every page.
// The page's own inline code (a fixture's set-up, the block's import map) gets the nonce a strict site would give it.

export const SITE = 'https://your-site.example';
const NONCE = 'docs';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };

/** What a block needs around it and what must be true once it ran. */
export interface PageFixture {
  /** Markup in <head> before the block (a stub the block calls, a style). */
  head?: string;
  /** Markup after the block (the element a script block works on). */
  body?: string;
  /** What the visitor does once the page is loaded. */
  act?: (page: Page) => Promise<void>;
  check: (page: Page) => Promise<void>;
}

export type PageKind = 'html' | 'js' | 'css';

export class DocsSite {
  #browser!: Browser;
  #proxy!: RunningCli;
  #dist = '';
  #package = '';
  #csp = '';

  async start(workspaceDir: string): Promise<void> {
    this.#package = join(workspaceDir, 'node_modules/booking-flow');
    this.#dist = join(this.#package, 'dist');
    const bin = join(workspaceDir, 'node_modules/.bin/booking-flow-proxy');
    // Same origin for the page; the routing below makes it reach the proxy from another address, so it is named.
    this.#proxy = await startCli(bin, ['--port', '0', '--base-path', '/booking-api', '--allowed-origin', SITE]);
    this.#browser = await launchChromium();
    // The policy the README says the widget runs under, plus the nonce for the page's own inline code.
    const policy = /`(script-src 'self'[^`]+)`/.exec(readFileSync('README.md', 'utf8'))?.[1];
    assert.ok(policy, 'the README states its Content Security Policy');
    this.#csp = policy.replace(/\s+/g, ' ').replace(/(script-src|style-src) ([^;]+)/g, `$1 $2 'nonce-${NONCE}'`);
  }

  async close(): Promise<void> {
    await this.#browser?.close();
    this.#proxy?.child.kill();
  }

  /** Runs one block in a page of its own with the fixture around it; fails on any error or console warning. */
  async run(kind: PageKind, code: string, fixture: PageFixture): Promise<void> {
    const context = await this.#browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    // tsx compiles these tests keeping function names, through a helper the page lacks; page.evaluate needs it.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    try {
      await this.#routes(context, this.#page(kind, code, fixture), kind === 'js' ? code : '');
      await page.goto(`${SITE}/docs-page.html`);
      await fixture.act?.(page);
      await fixture.check(page);
      const undefinedTags = await page.evaluate(() => {
        const missing = new Set<string>();
        const walk = (root: Document | ShadowRoot) => {
          for (const element of root.querySelectorAll('*')) {
            if (element.localName.includes('-') && !customElements.get(element.localName)) missing.add(element.localName);
            if (element.shadowRoot) walk(element.shadowRoot);
          }
        };
        walk(document);
        return [...missing];
      });
      assert.deepEqual(undefinedTags, [], 'elements left undefined');
      assert.deepEqual(problems, [], 'errors and warnings on the page');
    } finally {
      // Requests the page still has in flight (the widget refreshing) are dropped with it, not left to reject.
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    }
  }

  #page(kind: PageKind, code: string, fixture: PageFixture): string {
    const head = [
      kind === 'css' ? `<style>${code}</style>` : '',
      // "booking-flow.js also exports it": a bare import of the package resolves to the bundle on the site.
      kind === 'js' ? `<script type="importmap">{ "imports": { "booking-flow": "/booking-flow.js" } }</script>` : '',
      fixture.head ?? '',
      // A block that is not the script tag itself goes on a page that has the README's first line.
      code.includes('booking-flow.js"') ? '' : '<script type="module" src="/booking-flow.js"></script>',
    ].join('\n');
    const body = [
      kind === 'html' ? this.#withIntegrity(code) : '',
      fixture.body ?? '',
      kind === 'js' ? '<script type="module" src="/snippet.js"></script>' : '',
    ].join('\n');
    const html = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>docs</title>\n${head}</head><body>\n${body}\n</body></html>`;
    return html.replace(/<(script|style)(?![^>]*\bsrc=)/g, `<$1 nonce="${NONCE}"`);
  }

  /** Fills the SRI placeholders (`sha384-…`) with the hashes the build wrote for the URL before each. */
  #withIntegrity(code: string): string {
    const hashes = JSON.parse(readFileSync(join(this.#dist, 'integrity.json'), 'utf8')) as Record<string, string>;
    return code.replace(/"(https:\/\/[^"]+)"([^"]*)"sha384-…[^"]*"/g, (_, url: string, between: string) => {
      const file = url.replace(/^.*\/dist\//, '');
      assert.ok(hashes[file], `dist/integrity.json has ${file}`);
      return `"${url}"${between}"${hashes[file]}"`;
    });
  }

  async #routes(context: BrowserContext, html: string, script: string): Promise<void> {
    const version = (JSON.parse(readFileSync(join(this.#package, 'package.json'), 'utf8')) as { version: string }).version;
    const cdn = `https://cdn.jsdelivr.net/npm/booking-flow@${version}/`;
    const proxy = this.#proxy.url;
    await context.route('**/*', async (route: Route) => {
      const url = route.request().url();
      const path = new URL(url).pathname;
      if (url.startsWith(cdn)) return this.#file(route, join(this.#package, url.slice(cdn.length)), true);
      if (!url.startsWith(`${SITE}/`)) return route.fulfill({ status: 404, body: `no such host in the docs tests: ${url}` });
      if (path === '/docs-page.html')
        return route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': this.#csp }, body: html });
      if (path === '/snippet.js') return route.fulfill({ contentType: 'text/javascript', body: script });
      // The live stream stays open for ever, which routing cannot pass on; the widget falls back to refreshing.
      if (path.startsWith('/booking-api/events')) return route.fulfill({ status: 204 });
      if (path.startsWith('/booking-api/')) {
        const response = await route.fetch({ url: proxy + path.slice('/booking-api'.length) + new URL(url).search });
        return route.fulfill({ response });
      }
      return this.#file(route, join(this.#dist, path), false);
    });
  }

  #file(route: Route, file: string, cors: boolean): Promise<void> {
    let body: Buffer;
    try {
      body = readFileSync(normalize(file));
    } catch {
      return route.fulfill({ status: 404, body: `not found: ${file}` });
    }
    const headers: Record<string, string> = cors ? { 'access-control-allow-origin': '*' } : {};
    return route.fulfill({ body, headers, contentType: TYPES[extname(file)] ?? 'text/plain' });
  }
}
