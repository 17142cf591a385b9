import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startCli, type RunningCli } from '../helpers/cli.js';
import { SLOT, launchChromium, weekWithTimes } from '../e2e/demo-server.js';
import { workspace } from './workspace.js';
import { freePort } from '../helpers/free-port.js';

// The React and Vue recipes as a developer runs them: `npm run proxy` (the installed proxy on the sandbox) and
// `npm run dev` (Vite's dev server, forwarding /booking-api to the proxy). A visitor books through the app: the
// prefill reaches the form as a property and the app's own booking-confirmed handler shows the time.


describe('recipes: the React and Vue apps on the Vite dev server, booking through its proxy', () => {
  let ws = '';
  let browser: Browser;
  let proxy: RunningCli;
  const children: ChildProcess[] = [];
  before(async () => {
    ws = workspace();
    proxy = await startCli(join(ws, 'node_modules/.bin/booking-flow-proxy'), ['--port', '0', '--base-path', '/booking-api']);
    browser = await launchChromium();
  });
  after(async () => {
    for (const child of children) child.kill();
    proxy?.child.kill();
    await browser?.close();
  });

  /** Runs `vite` in a copy of examples/<name>; resolves with its URL once it listens. */
  async function dev(name: string): Promise<string> {
    const dir = join(ws, `dev-${name}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join('examples', name), dir, { recursive: true });
    const port = await freePort();
    const child = spawn(join(ws, 'node_modules/.bin/vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
      cwd: dir,
      // NO_COLOR: picocolors colours when FORCE_COLOR is set at all, even to 0 (as npm test sets it).
      env: { ...process.env, NO_COLOR: '1', BOOKING_PROXY: new URL(proxy.url).origin },
    });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += String(chunk);
        if (output.includes(`127.0.0.1:${port}`)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`vite exited ${code}: ${output}`)));
      setTimeout(() => reject(new Error(`vite did not start in 30 s: ${output}`)), 30_000).unref();
    });
    return `http://127.0.0.1:${port}/`;
  }

  for (const name of ['vite-react', 'vite-vue'])
    it(`${name}: books through the dev server's /booking-api with the prefilled name, and the app hears it`, async () => {
      const url = await dev(name);
      const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      await page.getByRole('radio', { name: /Berlin Mitte/ }).check({ timeout: 30_000 });
      await page.getByRole('radio', { name: /Haircut/ }).check();
      await weekWithTimes(page.locator('availability-loader'));
      await page.getByRole('button', { name: SLOT }).first().click();
      assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Ada Lovelace');
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await page
        .getByText(/^See you on \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}\.$/)
        .waitFor({ timeout: 15_000 })
        .catch(async (error: Error) => {
          // Say what the visitor saw instead (an error from the proxy, a time taken), not only that it timed out.
          // (Its words are in its shadow root, which innerText of the host leaves out.)
          const said = await page.locator('booking-summary').evaluate((el) => el.shadowRoot?.textContent ?? '');
          throw new Error(`${error.message}\nthe summary said: ${said.replace(/\s+/g, ' ')}`);
        });
      assert.deepEqual(errors, []);
      await page.close();
    });
});
