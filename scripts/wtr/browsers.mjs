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
];

export const BINARIES = {
  chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webkit: process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** WebKitGTK's MiniBrowser, through a WebKitWebDriver this launcher starts on a free port and stops after the run. */
class WebKitLauncher extends WebdriverLauncher {
  #driver;

  constructor() {
    super({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      logLevel: 'warn',
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks classic WebDriver only: no BiDi upgrade.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: BINARIES.webkit, args: ['--automation'] },
      },
    });
  }

  async initialize(config, testFiles) {
    this.options.port = await freePort();
    this.#driver = spawn('WebKitWebDriver', [`--port=${this.options.port}`], { stdio: 'ignore' });
    await new Promise((resolve, reject) => {
      this.#driver.once('error', reject);
      this.#driver.once('spawn', resolve);
    });
    for (let i = 0; i < 50; i++) {
      const ready = await fetch(`http://127.0.0.1:${this.options.port}/status`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return super.initialize(config, testFiles);
  }

  async stop() {
    await super.stop();
    this.#driver?.kill();
  }
}

/** The launcher for `name` (chromium, firefox or webkit). */
export function launcher(name) {
  if (name === 'chromium')
    return chromeLauncher({
      launchOptions: { executablePath: BINARIES.chromium, headless: true, args: CHROMIUM_ARGS },
    });
  if (name === 'firefox')
    return chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: BINARIES.firefox,
        headless: true,
        protocol: 'webDriverBiDi',
      },
    });
  if (name === 'webkit') return new WebKitLauncher();
  throw new Error(`BROWSER=${name}: the suite runs in chromium, firefox or webkit`);
}
