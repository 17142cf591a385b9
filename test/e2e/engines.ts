import { after, before, describe } from 'node:test';
import * as puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { FIREFOX_LAUNCH, WEBKIT_CAPABILITIES, startWebKitDriver } from '../../scripts/wtr/browsers.mjs';
import { DemoServer } from './demo-server.js';

// The engines besides Chromium, driven as a visitor would use them: Firefox ESR through WebDriver BiDi
// (puppeteer-core), WebKitGTK's MiniBrowser through WebKitWebDriver under its own Xvfb. Both from Debian.

/** A page in one engine: clicks and keys are the browser's own input; elements are found through shadow roots. */
export interface EnginePage {
  /** Clicks the first element matching `css` whose aria-label or text matches `name`, once there is one. */
  click(css: string, name?: RegExp): Promise<void>;
  /** Clicks the field, then types `text` into it with the keyboard. */
  type(css: string, text: string): Promise<void>;
  /** Clicks the control of the first label whose text matches `label`, then types `text` with the keyboard. */
  fill(label: RegExp, text: string): Promise<void>;
  /** Chooses `value` in the select of the first label whose text matches `label`. */
  select(label: RegExp, value: string): Promise<void>;
  /** The value of a script's last expression, run in the page (a string, so no compiled helper goes with it). */
  run<T>(script: string): Promise<T>;
  /** Waits until `script` is true in the page. */
  until(script: string, what: string): Promise<void>;
  /** Goes to another address, as a link would (pagehide runs). */
  goto(url: string): Promise<void>;
  /** Closes the page. */
  close(): Promise<void>;
}

export interface Engine {
  name: string;
  /** A page of its own beside those already open (another visitor, as far as the widget can tell). */
  open(url: string, width: number): Promise<EnginePage>;
  close(): Promise<void>;
}

/** In-page: every element matching css, through open shadow roots, in document order. */
const ALL = `(css) => { const found = []; const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.matches(css)) found.push(el); if (el.shadowRoot) walk(el.shadowRoot); } }; walk(document); return found; }`;
/** In-page expression: every element matching `css`, through shadow roots. */
export const deepAll = (css: string) => `(${ALL})(${JSON.stringify(css)})`;
/** In-page expression: the text of the first element matching `css` (null when there is none). */
export const deepText = (css: string) => `(${deepAll(css)}[0]?.textContent ?? null)`;

/** In-page: the first element matching css whose aria-label or text matches `name`, or that label's control. */
const find = (css: string, name?: RegExp, control = false) =>
  `(${deepAll(css)}.find((el) => new RegExp(${JSON.stringify(name?.source ?? '')}).test(el.getAttribute('aria-label') || el.textContent.trim()))${control ? '?.control' : ''} ?? null)`;
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
      const element = async (script: string) => {
        const handle = await page.waitForFunction(script, { timeout: TIMEOUT });
        return handle.asElement() as puppeteer.ElementHandle<Element>;
      };
      const typeInto = async (script: string, text: string) => {
        await (await element(script)).click();
        await page.keyboard.type(text);
      };
      return {
        click: async (css, name) => (await element(find(css, name))).click(),
        type: (css, text) => typeInto(find(css), text),
        fill: (label, text) => typeInto(find('label', label, true), text),
        select: async (label, value) => void (await (await element(find('label', label, true))).select(value)),
        run: async <T>(script: string) => (await page.evaluate(script)) as T,
        async until(script, what) {
          await page.waitForFunction(script, { timeout: TIMEOUT }).catch(() => {
            throw new Error(`Firefox: timed out waiting for ${what}`);
          });
        },
        goto: async (to) => void (await page.goto(to)),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}

export async function webkit(): Promise<Engine> {
  // Under its own Xvfb: the driver, and the MiniBrowser it starts, need a display.
  const driver = await startWebKitDriver({ ownDisplay: true, env: ENV });
  // WebKitWebDriver drives one session at a time: each page is a window of it, and the session's first window
  // stays (on about:blank when no page uses it), since closing the last window ends the session.
  let session: WebdriverIO.Browser | undefined;
  let first: string | undefined;
  let firstInUse = false;
  let current: string | undefined;
  return {
    name: 'WebKitGTK',
    async open(url, width) {
      const browser = (session ??= await remote({
        hostname: '127.0.0.1',
        port: driver.port,
        logLevel: 'warn',
        capabilities: WEBKIT_CAPABILITIES,
      }));
      first ??= current = await browser.getWindowHandle();
      const handle = firstInUse ? (await browser.createWindow('window')).handle : first;
      if (handle === first) firstInUse = true;
      /** This page's window, made current before anything is done in it. */
      const here = async () => {
        if (current !== handle) await browser.switchToWindow((current = handle));
        return browser;
      };
      await (await here()).setWindowSize(width, 900);
      await browser.url(url);
      const run = async <T>(script: string) => (await (await here()).execute(`return (${script})`)) as T;
      const element = async (script: string) => {
        let found: WebdriverIO.Element | null = null;
        await browser.waitUntil(
          async () => {
            found = await run<WebdriverIO.Element | null>(script);
            return found !== null;
          },
          { timeout: TIMEOUT, timeoutMsg: `WebKit: nothing matches ${script.slice(-120)}` },
        );
        return browser.$(found!);
      };
      return {
        click: async (css, name) => (await element(find(css, name))).click(),
        type: async (css, text) => (await element(find(css))).addValue(text),
        fill: async (label, text) => (await element(find('label', label, true))).addValue(text),
        select: async (label, value) => (await element(find('label', label, true))).selectByAttribute('value', value),
        run,
        goto: async (to) => void (await (await here()).url(to)),
        until: (script, what) =>
          browser
            .waitUntil(async () => Boolean(await run(script)), { timeout: TIMEOUT })
            .then(
              () => undefined,
              () => {
                throw new Error(`WebKit: timed out waiting for ${what}`);
              },
            ),
        async close() {
          await here();
          if (handle !== first) {
            await browser.closeWindow();
            current = undefined;
          } else {
            await browser.url('about:blank');
            firstInUse = false;
          }
        },
      };
    },
    async close() {
      await session?.deleteSession().catch(() => undefined);
      driver.stop();
    },
  };
}

/**
 * `tests` once in Firefox and once in WebKit, each against the built demo on a server of its own; `engine()` is
 * the engine of the running suite.
 */
export function inEachEngine(title: string, tests: (demo: DemoServer, engine: () => Engine) => void): void {
  for (const [launch, name] of [
    [firefox, 'Firefox ESR (WebDriver BiDi)'],
    [webkit, 'WebKitGTK (WebDriver)'],
  ] as const)
    describe(`${title} in ${name}`, () => {
      const demo = new DemoServer();
      let engine: Engine | undefined;
      before(async () => {
        await demo.start(0, undefined, { chromium: false });
        engine = await launch();
      });
      after(async () => {
        await engine?.close();
        await demo.close();
      });
      tests(demo, () => engine!);
    });
}

/** The demo's times in the calendar. */
export const SLOT = 'button.slot';
/** In-page: the week has loaded and shows times. */
const WEEK_SHOWN = `${deepAll('.body[aria-busy="false"]')}.length === 1 && ${deepAll(SLOT)}.length > 0`;

/** Every time of the shown week is on the page: a long day's rows come in a few at a time, a frame apart. */
export const EVERY_TIME = `${deepAll(SLOT)}.length === ${deepAll('.period-label .count')}.reduce((n, c) => n + Number(c.textContent), 0)`;
const weekLabel = `${deepAll('.week-label')}[0]?.textContent`;

/** A visitor on Berlin, haircut, Anna: the demo with her week shown (the next one with `next`). */
export async function annasWeek(page: EnginePage, { next = false } = {}): Promise<void> {
  await page.click('label', /Berlin Mitte/);
  await page.click('label', /Haircut/);
  await page.click('label', /Anna Berg/);
  if (next) await nextWeek(page);
  else await page.until(WEEK_SHOWN, "Anna's week");
}

/** Moves the shown week on by one and waits until the new one is shown. */
export async function nextWeek(page: EnginePage): Promise<void> {
  // This week may have no times left (a Friday evening, a weekend): its empty state is settled too.
  await page.until(`${WEEK_SHOWN} || ${deepAll('[part="empty"]')}.length === 1`, 'a week');
  const shown = await page.run<string>(weekLabel);
  await page.click('button', /^Next week$/);
  await page.until(`${WEEK_SHOWN} && ${weekLabel} !== ${JSON.stringify(shown)}`, 'the next week');
}

/** A pattern matching exactly `text`. */
export const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Waits until an element matching `css` has text matching `text`. */
export const shows = (page: EnginePage, css: string, text: RegExp) =>
  page.until(`${deepAll(css)}.some((el) => ${text}.test(el.textContent))`, `${css} ${text}`);

/** Chooses the `index`th time shown; returns its accessible name. */
export async function pick(page: EnginePage, index = 0): Promise<string> {
  const label = await page.run<string>(`${deepAll(SLOT)}[${index}].getAttribute('aria-label')`);
  await page.click(SLOT, exactly(label));
  return label;
}
