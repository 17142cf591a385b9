// `npm run screenshots`: photographs the built demo pages in Debian's Chromium into docs/screenshots/.
// Each page is shown with a service and staff member chosen, so the week calendar is on the picture.
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from 'playwright-core';
import { parseConfig } from '../src/proxy/config.js';
import { createProxy } from '../src/proxy/handler.js';
import { startNodeServer } from '../src/proxy/node-server.js';
import { demoConfig } from '../src/sandbox/demo-data.js';
import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';

const OUT = 'docs/screenshots';
const PAGES = ['index', 'dark', 'brand'] as const;
const WIDTHS = [320, 768, 1280] as const;

/** Chooses Berlin, a haircut with Anna and the first free time, then waits for the calendar to settle. */
export async function showWeek(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Berlin Mitte/ }).check();
  await page.getByRole('radio', { name: /Haircut/ }).check();
  await page.getByRole('radio', { name: /Anna Berg/ }).check();
  await page.locator('availability-loader .body[aria-busy="false"]').waitFor();
  const empty = page.getByRole('button', { name: 'Show next week' });
  if (await empty.isVisible()) await empty.click();
  await page
    .getByRole('button', { name: /, \d{1,2}:\d{2}/ })
    .first()
    .click();
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const proxy = createProxy({ upstream: 'sandbox', config: parseConfig(demoConfig), basePath: '/booking-api' });
  const server = await startNodeServer({ proxy, port: 0, basePath: '/booking-api', staticDir: 'dist/demo' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    for (const name of PAGES) {
      for (const width of name === 'index' ? WIDTHS : [1280]) {
        const page = await browser.newPage({
          viewport: { width, height: 900 },
          timezoneId: 'Europe/Berlin',
          locale: 'en-GB',
          colorScheme: 'light',
        });
        await page.goto(`${server.url}/${name}.html`);
        await showWeek(page);
        const file = `${OUT}/${name}-${width}.png`;
        await page.locator('booking-flow').screenshot({ path: file, animations: 'disabled' });
        console.log(`wrote ${file}`);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
