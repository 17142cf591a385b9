// The browsers the component tests run in, each from Debian's packages (nothing is downloaded): Chromium through
// CDP, Firefox ESR through WebDriver BiDi (both with puppeteer-core), WebKitGTK's MiniBrowser through WebKitWebDriver.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteer from 'puppeteer-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Chromium 156 opens two omnibox pop-up pages (chrome://omnibox-popup.top-chrome, each a renderer loading dozens
  // of modules) with every new window, headless too: on two cores they took CPU from the page under test.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

export const BINARIES = {
  chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webkit: process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * Firefox ESR as puppeteer-core drives it: headless, over WebDriver BiDi.
 * @type {import('puppeteer-core').LaunchOptions}
 */
export const FIREFOX_LAUNCH = {
  browser: 'firefox',
  executablePath: BINARIES.firefox,
  headless: true,
  protocol: 'webDriverBiDi',
};

/** WebKitGTK's MiniBrowser as WebKitWebDriver starts it; classic WebDriver only, so no BiDi upgrade. */
export const WEBKIT_CAPABILITIES = {
  browserName: 'MiniBrowser',
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: BINARIES.webkit, args: ['--automation'] },
};

/**
 * Starts WebKitWebDriver on a free port and resolves once it answers. `ownDisplay` runs it under xvfb-run, for a
 * caller without a display (MiniBrowser has no headless mode); `stop()` ends it (and that display).
 * @param {{ ownDisplay?: boolean, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ port: number, stop: () => void }>}
 */
export async function startWebKitDriver({ ownDisplay = false, env = process.env } = {}) {
  const port = await freePort();
  const args = ['WebKitWebDriver', `--port=${port}`];
  const driver = ownDisplay
    ? spawn('xvfb-run', ['-a', ...args], { env, stdio: 'ignore', detached: true })
    : spawn(args[0], args.slice(1), { env, stdio: 'ignore' });
  await new Promise((resolve, reject) => {
    driver.once('error', reject);
    driver.once('spawn', resolve);
  });
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Under xvfb-run the driver and its display server are one process group of their own.
  return { port, stop: () => (ownDisplay ? process.kill(-driver.pid, 'SIGTERM') : driver.kill()) };
}

/** WebKitGTK's MiniBrowser, through a WebKitWebDriver this launcher starts on a free port and stops after the run. */
class WebKitLauncher extends WebdriverLauncher {
  #driver;

  constructor() {
    super({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      logLevel: 'warn',
      capabilities: WEBKIT_CAPABILITIES,
    });
  }

  async initialize(config, testFiles) {
    this.#driver = await startWebKitDriver();
    this.options.port = this.#driver.port;
    return super.initialize(config, testFiles);
  }

  async stop() {
    await super.stop();
    this.#driver?.stop();
  }
}

/** The launcher for `name` (chromium, firefox or webkit). */
export function launcher(name) {
  if (name === 'chromium')
    return chromeLauncher({
      launchOptions: { executablePath: BINARIES.chromium, headless: true, args: CHROMIUM_ARGS },
    });
  if (name === 'firefox') return chromeLauncher({ puppeteer, launchOptions: FIREFOX_LAUNCH });
  if (name === 'webkit') return new WebKitLauncher();
  throw new Error(`BROWSER=${name}: the suite runs in chromium, firefox or webkit`);
}
