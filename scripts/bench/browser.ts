// Timings in headless Chromium on the built widget with the proxy on the sandbox: what a visitor feels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createProxy } from '../../src/proxy/handler.js';
import { startNodeServer, type RunningServer } from '../../src/proxy/node-server.js';
import { CHROMIUM_ARGS } from '../../web-test-runner.config.mjs';
import { benchConfig } from './setup.js';
import { stats, type Stats } from './stats.js';

export interface Timing {
  name: string;
  stats: Stats;
  longTasks: number;
}

const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<script>
  window.__longTasks = 0;
  new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; }).observe({ type: 'longtask', buffered: true });
</script>
<script type="module" src="/booking-flow.js"></script></head>
<body><booking-flow proxy-url="/booking-api" branch="berlin" service="haircut" staff="anna" time-zone="Europe/Berlin" locale="en-GB" theme="light"></booking-flow></body></html>`;

/** In the page: resolves with performance.now() at the first frame after `ready()` holds. */
const IN_PAGE_HELPERS = `
  window.__loader = () => document.querySelector('booking-flow')?.shadowRoot?.querySelector('availability-loader');
  window.__calendar = () => window.__loader()?.shadowRoot?.querySelector('hourly-calendar');
  window.__settled = () => {
    const loader = window.__loader();
    const body = loader?.shadowRoot?.querySelector('.body');
    return body && body.getAttribute('aria-busy') === 'false' && (window.__calendar()?.shadowRoot?.querySelector('button.slot') || loader.shadowRoot.querySelector('[part="empty"]'));
  };
  window.__whenPainted = (ready) => new Promise((resolve) => {
    const check = () => (ready() ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(check));
    check();
  });
`;

/** The bench page on `server`, its script (and the chunks the script loads) from the bundle in `dist`. */
export async function openPage(browser: Browser, server: RunningServer, dist = 'dist'): Promise<Page> {
  const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
  await page.route(/\/[\w-]+\.js$/, (route) =>
    route.fulfill({
      body: readFileSync(join(dist, new URL(route.request().url()).pathname)),
      contentType: 'text/javascript',
    }),
  );
  await page.route(`${server.url}/bench.html`, (route) => route.fulfill({ body: PAGE, contentType: 'text/html' }));
  await page.addInitScript(IN_PAGE_HELPERS);
  return page;
}

/** Clicks a week button and measures until the new week is painted. */
async function switchWeek(
  page: Page,
  label: 'Next week' | 'Previous week',
): Promise<{ ms: number; longTasks: number }> {
  return page.evaluate(async (aria) => {
    const w = window as unknown as {
      __loader(): HTMLElement;
      __settled(): boolean;
      __whenPainted(r: () => boolean): Promise<number>;
      __longTasks: number;
    };
    const tasks = w.__longTasks;
    const before = w.__loader().shadowRoot!.querySelector('.week-label')!.textContent;
    const start = performance.now();
    w.__loader().shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${aria}"]`)!.click();
    const end = await w.__whenPainted(
      () => w.__loader().shadowRoot!.querySelector('.week-label')!.textContent !== before && w.__settled(),
    );
    return { ms: end - start, longTasks: w.__longTasks - tasks };
  }, label);
}

/** The timings of the bundle in `dist`; `label` names it in each row (e.g. the commit it was built from). */
export async function browserTimings(
  runs: number,
  log: (line: string) => void,
  dist = 'dist',
  label = '',
): Promise<{ timings: Timing[]; requestsOver4Weeks: number; chromium: string }> {
  const proxy = createProxy({ upstream: 'sandbox', config: benchConfig(), basePath: '/booking-api', log: () => {} });
  const server = await startNodeServer({ proxy, port: 0, basePath: '/booking-api' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const samples = { paint: [] as number[], hit: [] as number[], miss: [] as number[], dense: [] as number[] };
  const tasks = { paint: 0, hit: 0, miss: 0, dense: 0 };
  try {
    for (let i = 0; i < runs; i++) {
      const page = await openPage(browser, server, dist);
      await page.goto(`${server.url}/bench.html`);
      const paint = await page.evaluate(async () => {
        const w = window as unknown as {
          __settled(): boolean;
          __whenPainted(r: () => boolean): Promise<number>;
          __longTasks: number;
        };
        return { ms: await w.__whenPainted(() => Boolean(w.__settled())), longTasks: w.__longTasks };
      });
      samples.paint.push(paint.ms);
      tasks.paint += paint.longTasks;
      // Each page starts with an empty client cache: the next week is a miss, coming back is a hit.
      const miss = await switchWeek(page, 'Next week');
      const hit = await switchWeek(page, 'Previous week');
      samples.miss.push(miss.ms);
      samples.hit.push(hit.ms);
      tasks.miss += miss.longTasks;
      tasks.hit += hit.longTasks;
      const dense = await page.evaluate(async () => {
        const w = window as unknown as { __whenPainted(r: () => boolean): Promise<number>; __longTasks: number };
        const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
        const weekData: Record<string, unknown[]> = {};
        const meta = {
          weekStart: '2030-01-07',
          weekEnd: '2030-01-13',
          timeZone: 'UTC',
          isCurrentWeek: false,
          totalSlots: 7 * 96,
          fetchedAt: '',
          fromCache: false,
          days: [] as unknown[],
        };
        days.forEach((dayName, d) => {
          const date = `2030-01-${String(7 + d).padStart(2, '0')}`;
          meta.days.push({ date, dayName, label: date, isToday: false, isPast: false });
          weekData[dayName] = Array.from({ length: 96 }, (_, q) => {
            const time = `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
            return { time, fullDatetime: `${date}T${time}:00Z`, date, dayName, durationMinutes: 15 };
          });
        });
        const el = document.createElement('hourly-calendar') as HTMLElement & {
          weekData: unknown;
          weekMetadata: unknown;
        };
        const tasksBefore = w.__longTasks;
        const start = performance.now();
        el.weekData = weekData;
        el.weekMetadata = meta;
        document.body.append(el);
        const end = await w.__whenPainted(() => el.shadowRoot?.querySelectorAll('button.slot').length === 7 * 96);
        return { ms: end - start, longTasks: w.__longTasks - tasksBefore };
      });
      samples.dense.push(dense.ms);
      tasks.dense += dense.longTasks;
      await page.close();
      log(
        `browser run ${i + 1}/${runs}${label ? ` (${label})` : ''}: paint ${paint.ms.toFixed(0)} ms, miss ${miss.ms.toFixed(0)} ms, hit ${hit.ms.toFixed(0)} ms, dense ${dense.ms.toFixed(0)} ms`,
      );
    }

    // Network: back and forth over four weeks within a minute; count the browser's /slots requests.
    const page = await openPage(browser, server, dist);
    let requests = 0;
    page.on('request', (r) => {
      if (r.url().includes('/booking-api/slots')) requests++;
    });
    await page.goto(`${server.url}/bench.html`);
    await page.evaluate(() =>
      (window as unknown as { __whenPainted(r: () => boolean): Promise<number>; __settled(): boolean }).__whenPainted(
        () => Boolean((window as unknown as { __settled(): boolean }).__settled()),
      ),
    );
    for (const step of [
      'Next week',
      'Next week',
      'Next week',
      'Previous week',
      'Previous week',
      'Previous week',
      'Next week',
      'Next week',
      'Next week',
      'Previous week',
    ] as const) {
      await switchWeek(page, step);
    }
    await page.close();
    const chromium = browser.version();
    const n = runs;
    const timing = (name: string, values: number[], longTasks: number): Timing => ({
      name: label ? `${name} (${label})` : name,
      stats: stats(values),
      longTasks: longTasks / n,
    });
    return {
      timings: [
        timing('script load to first calendar paint', samples.paint, tasks.paint),
        timing('week switch, cache hit', samples.hit, tasks.hit),
        timing('week switch, cache miss (proxy + sandbox)', samples.miss, tasks.miss),
        timing('render a dense week (7 days x 96 slots)', samples.dense, tasks.dense),
      ],
      requestsOver4Weeks: requests,
      chromium,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
