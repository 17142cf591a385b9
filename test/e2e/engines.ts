import * as puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { FIREFOX_LAUNCH, WEBKIT_CAPABILITIES, startWebKitDriver } from '../../scripts/wtr/browsers.mjs';

// The engines besides Chromium, driven as a visitor would use them: Firefox ESR through WebDriver BiDi
// (puppeteer-core), WebKitGTK's MiniBrowser through WebKitWebDriver under its own Xvfb. Both from Debian.

/** A page in one engine: clicks and keys are the browser's own input; elements are found through shadow roots. */
export interface EnginePage {
  /** Clicks the first element matching `css` whose aria-label or text matches `name`, once there is one. */
  click(css: string, name?: RegExp): Promise<void>;
  /** Clicks the field, then types `text` into it with the keyboard. */
  type(css: string, text: string): Promise<void>;
  /** The value of a script's last expression, run in the page (a string, so no compiled helper goes with it). */
  run<T>(script: string): Promise<T>;
  /** Waits until `script` is true in the page. */
  until(script: string, what: string): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  name: string;
  open(url: string, width: number): Promise<EnginePage>;
  close(): Promise<void>;
}

/** In-page: the first element matching css (through open shadow roots) whose aria-label or text matches `name`. */
const FIND = `(css, name) => {
  const named = (el) => !name || new RegExp(name).test(el.getAttribute('aria-label') || el.textContent.trim());
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(css) && named(el)) return el;
      const inner = el.shadowRoot && walk(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return walk(document);
}`;
const find = (css: string, name?: RegExp) => `(${FIND})(${JSON.stringify(css)}, ${JSON.stringify(name?.source ?? '')})`;
const TIMEOUT = 10_000;

/** The visitor's zone, as the Chromium tests have it (both browsers read TZ). */
const ENV = { ...process.env, TZ: 'Europe/Berlin', LANG: 'en_GB.UTF-8' };

export async function firefox(): Promise<Engine> {
  const browser = await puppeteer.launch({
    ...FIREFOX_LAUNCH,
    env: ENV,
    extraPrefsFirefox: { 'intl.locale.requested': 'en-GB', 'intl.accept_languages': 'en-GB' },
  });
  return {
    name: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    async open(url, width) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto(url);
      const element = async (css: string, name?: RegExp) => {
        const handle = await page.waitForFunction(find(css, name), { timeout: TIMEOUT });
        return handle.asElement() as puppeteer.ElementHandle<Element>;
      };
      return {
        click: async (css, name) => (await element(css, name)).click(),
        async type(css, text) {
          await (await element(css)).click();
          await page.keyboard.type(text);
        },
        run: async <T>(script: string) => (await page.evaluate(script)) as T,
        async until(script, what) {
          await page.waitForFunction(script, { timeout: TIMEOUT }).catch(() => {
            throw new Error(`Firefox: timed out waiting for ${what}`);
          });
        },
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

export async function webkit(): Promise<Engine> {
  // Under its own Xvfb: the driver, and the MiniBrowser it starts, need a display.
  const driver = await startWebKitDriver({ ownDisplay: true, env: ENV });
  // WebKitWebDriver drives one session at a time: every page is that session, navigated anew.
  let session: WebdriverIO.Browser | undefined;
  return {
    name: 'WebKitGTK',
    async open(url, width) {
      const browser = (session ??= await remote({
        hostname: '127.0.0.1',
        port: driver.port,
        logLevel: 'warn',
        capabilities: WEBKIT_CAPABILITIES,
      }));
      await browser.setWindowSize(width, 900);
      await browser.url(url);
      const element = async (css: string, name?: RegExp) => {
        let found: WebdriverIO.Element | null = null;
        await browser.waitUntil(
          async () => {
            const value: unknown = await browser.execute(`return ${find(css, name)}`);
            found = value as WebdriverIO.Element | null;
            return found !== null;
          },
          { timeout: TIMEOUT, timeoutMsg: `WebKit: no ${css} ${name ?? ''}` },
        );
        return browser.$(found!);
      };
      return {
        click: async (css, name) => (await element(css, name)).click(),
        type: async (css, text) => (await element(css)).addValue(text),
        run: async <T>(script: string) => (await browser.execute(`return (${script})`)) as T,
        until: (script, what) =>
          browser
            .waitUntil(async () => Boolean(await browser.execute(`return (${script})`)), { timeout: TIMEOUT })
            .then(
              () => undefined,
              () => {
                throw new Error(`WebKit: timed out waiting for ${what}`);
              },
            ),
        close: async () => void (await browser.url('about:blank')),
      };
    },
    async close() {
      await session?.deleteSession().catch(() => undefined);
      driver.stop();
    },
  };
}
