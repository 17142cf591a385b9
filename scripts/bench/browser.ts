// Timings in headless Chromium on the built widget with the proxy on the sandbox: what a visitor feels.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../wtr/browsers.mjs';
import { medianChange, stats, type MedianChange, type Stats } from './stats.js';
import { comingTuesday } from './tuesday.js';

export interface Timing {
  name: string;
  stats: Stats;
  longTasks: number;
}

/**
 * In the page, before its own scripts: observers counting long tasks and slow events, and helpers; `__whenPainted`
 * resolves with performance.now() at the first frame after `ready()` holds.
 */
const IN_PAGE_HELPERS = `
  window.__longTasks = 0;
  new PerformanceObserver((list) => { window.__longTasks += list.getEntries().length; }).observe({ type: 'longtask', buffered: true });
  window.__events = [];
  new PerformanceObserver((list) => { window.__events.push(...list.getEntries()); }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  // tsx compiles this file keeping function names, through a helper the page lacks; page.evaluate needs it.
  window.__name = (fn) => fn;
  window.__loader = () => document.querySelector('booking-flow')?.shadowRoot?.querySelector('availability-loader');
  window.__calendar = () => window.__loader()?.shadowRoot?.querySelector('hourly-calendar');
  window.__settled = () => {
    const loader = window.__loader();
    const body = loader?.shadowRoot?.querySelector('.body');
    const shown = body && body.getAttribute('aria-busy') === 'false' && (window.__calendar()?.shadowRoot?.querySelector('button.slot') || loader.shadowRoot.querySelector('[part="empty"]'));
    // In the DOM is not enough: the week must be rendered (no ancestor hides it from rendering).
    return shown && shown.checkVisibility() ? shown : null;
  };
  window.__whenPainted = (ready) => new Promise((resolve) => {
    const check = () => (ready() ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(check));
    check();
  });
`;

/**
 * The page's clock, moved to the coming Tuesday (see comingTuesday) and running from there: run on a Saturday, the
 * first paint was an empty week's.
 */
function onATuesday(): string {
  return `{
    const Real = Date, shift = ${comingTuesday().getTime()} - Real.now();
    window.Date = class extends Real {
      constructor(...at) { at.length ? super(...at) : super(Real.now() + shift); }
      static now() { return Real.now() + shift; }
    };
  }`;
}

/** The bench's site: the page of each bundle it serves. */
export interface BenchSite {
  pageUrl(dist?: string): string;
}

/**
 * What the bench pages run on: a site serving each of `dists` and the proxy on the sandbox under /booking-api, in
 * a process of its own (site-server.ts), and Debian's Chromium.
 */
export async function benchSite(
  dists: string[] = ['dist'],
): Promise<{ site: BenchSite; browser: Browser; close(): Promise<void> }> {
  // Its stdin is a pipe from this process: the site goes when the bench does, even a bench killed mid-run.
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/site-server.ts', ...dists], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(server.stdout, 'data')) as [Buffer];
  const url = chunk.toString().trim();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const pageUrl = (dist = 'dist') => {
    const index = dists.indexOf(dist);
    if (index < 0) throw new Error(`the bench site does not serve ${dist}`);
    return `${url}/${index}/bench.html`;
  };
  return {
    site: { pageUrl },
    browser,
    close: async () => {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * A page for the bench: its own context (empty caches), its helpers, its clock on a Tuesday. With `saveData` it
 * says it saves data, so that no week is fetched early.
 */
export async function openPage(browser: Browser, { saveData = false } = {}): Promise<Page> {
  const page = await browser.newPage({ timezoneId: 'Europe/Berlin', locale: 'en-GB' });
  await page.addInitScript(IN_PAGE_HELPERS);
  await page.addInitScript(onATuesday());
  if (saveData)
    await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  return page;
}

/** Week switches of one kind over the runs: frames, the loading state in the first frame, Event Timing. */
export interface SwitchCount {
  name: string;
  frames: Stats;
  skeletonFirst: number;
  /** Event Timing durations, of the clicks Chromium reported (those of 16 ms or more). */
  event: Stats | undefined;
  eventReported: number;
  longTasks: number;
}

function switchCount(name: string, all: Switch[]): SwitchCount {
  const reported = all.flatMap((s) => (s.eventMs === undefined ? [] : [s.eventMs]));
  return {
    name,
    frames: stats(all.map((s) => s.frames)),
    skeletonFirst: all.filter((s) => s.skeletonFirst).length,
    event: reported.length ? stats(reported) : undefined,
    eventReported: reported.length,
    longTasks: all.reduce((sum, s) => sum + s.longTasks, 0) / all.length,
  };
}

/** What one week switch took, counted in frames (issue 18: a frame is what a visitor sees). */
interface Switch {
  /** Frames from the click to the first whose DOM shows the new week (1: the frame right after the click). */
  frames: number;
  /** Whether the first frame after the click showed the loading state (a miss should; a hit never needs to). */
  skeletonFirst: boolean;
  /** The click's Event Timing duration, when Chromium reports it (only from 16 ms up, in steps of 8 ms). */
  eventMs: number | undefined;
  longTasks: number;
}

/**
 * Clicks a week button with a real (trusted) click, as a visitor's, and counts animation frames from the click
 * to the first frame whose DOM shows the new week; reads the click's Event Timing entry afterwards.
 */
async function switchWeek(page: Page, label: 'Next week' | 'Previous week'): Promise<Switch> {
  await page.evaluate(() => {
    const w = window as unknown as {
      __loader(): HTMLElement;
      __settled(): boolean;
      __switch: Promise<Omit<Switch, 'eventMs'> & { clickAt: number }>;
      __longTasks: number;
    };
    const root = () => w.__loader().shadowRoot!;
    const before = root().querySelector('.week-label')!.textContent;
    const tasks = w.__longTasks;
    w.__switch = new Promise((resolve) => {
      // On the document in the capture phase: before the button's own handler runs.
      document.addEventListener(
        'click',
        (event) => {
          let frames = 0;
          let skeletonFirst = false;
          const tick = () => {
            frames++;
            if (frames === 1) skeletonFirst = root().querySelector('.body')?.getAttribute('aria-busy') === 'true';
            if (root().querySelector('.week-label')!.textContent !== before && w.__settled())
              resolve({ frames, skeletonFirst, clickAt: event.timeStamp, longTasks: w.__longTasks - tasks });
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        },
        { capture: true, once: true },
      );
    });
  });
  await page.locator(`availability-loader button[aria-label="${label}"]`).click();
  return page.evaluate(async () => {
    const w = window as unknown as {
      __switch: Promise<Omit<Switch, 'eventMs'> & { clickAt: number }>;
      __events: PerformanceEventTiming[];
    };
    const { clickAt, ...counted } = await w.__switch;
    // Event Timing entries arrive after the frame that follows the event; wait for a few more frames.
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    const entry = w.__events.find((e) => e.name === 'click' && Math.abs(e.startTime - clickAt) < 1);
    return { ...counted, eventMs: entry?.duration };
  });
}

/** One bundle to time: its dist folder, and the label its rows carry (none for a lone bundle). */
export interface Bundle {
  dist: string;
  label: string;
}

/** The first calendar paint's change from one bundle's runs to another's (the first of their timings). */
export const firstPaintChange = (before: BundleTimings, now: BundleTimings): MedianChange =>
  medianChange(before.timings[0]!.stats.values, now.timings[0]!.stats.values);

export interface BundleTimings {
  timings: Timing[];
  switches: SwitchCount[];
  walk: Walk;
}

/** Back and forth over four weeks: the /slots requests, and the switches a visitor saw wait (loading state shown). */
export interface Walk {
  requests: number;
  switches: number;
  waits: number;
}

interface Run {
  paint: { ms: number; longTasks: number };
  /** To the first frame with every time, and each piece of script on the way (no layout, no paint). */
  dense: DenseWeek;
  miss: Switch;
  hit: Switch;
}

/** A dense week's render: see renderDenseWeek. */
export interface DenseWeek {
  ms: number;
  firstMs: number;
  /** Each piece of script in ms: the first update (from the moment the week is set), then each later one. */
  pieces: number[];
  longTasks: number;
}

/**
 * In the page: renders a week with a time every 15 minutes, day and night (7 x 96), in a hourly-calendar of its
 * own. Measures the time to its first frame with every time (`ms`) and with its first rows (`firstMs`), each piece
 * of script on the way (`pieces`: the first update from the moment the week is set, then each later update, each
 * timed around the element's performUpdate), and the long tasks.
 */
export async function renderDenseWeek(): Promise<DenseWeek> {
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
    updateComplete: Promise<boolean>;
    performUpdate(): void;
  };
  const later: number[] = [];
  const perform = el.performUpdate;
  let first = true;
  el.performUpdate = function (this: typeof el) {
    const at = performance.now();
    perform.call(this);
    if (!first) later.push(performance.now() - at);
    first = false;
  };
  const times = () => el.shadowRoot?.querySelectorAll('button.slot').length ?? 0;
  const tasksBefore = w.__longTasks;
  const start = performance.now();
  el.weekData = weekData;
  el.weekMetadata = meta;
  document.body.append(el);
  await el.updateComplete;
  const firstScript = performance.now() - start;
  const firstFrame = await w.__whenPainted(() => times() > 0);
  const end = await w.__whenPainted(() => times() === 7 * 96);
  return {
    ms: end - start,
    firstMs: firstFrame - start,
    pieces: [firstScript, ...later],
    longTasks: w.__longTasks - tasksBefore,
  };
}

/**
 * Loads `url` and resolves with its first calendar paint and the long tasks up to it. The page watches for it once
 * the first week is in (`availability-loaded`, which every version fires), frame by frame: watching from the first
 * frame would have a frame callback ask for a frame after every task of the start-up, work no visitor's page does.
 * It reports through a binding: a page.evaluate during start-up would have Playwright compile its injected script
 * in the page (27 ms of CPU, up to 55 ms of wall time on this machine) in the middle of what is measured.
 */
export async function firstPaint(page: Page, url: string): Promise<{ ms: number; longTasks: number }> {
  let report!: (paint: { ms: number; longTasks: number }) => void;
  const painted = new Promise<{ ms: number; longTasks: number }>((resolve) => (report = resolve));
  await page.exposeFunction('__painted', (ms: number, longTasks: number) => report({ ms, longTasks }));
  await page.addInitScript(
    `addEventListener('availability-loaded', () => window.__whenPainted(() => Boolean(window.__settled()))
      .then((ms) => window.__painted(ms, window.__longTasks)), { once: true })`,
  );
  await page.goto(url);
  return painted;
}

/**
 * First calendar paints alone, `loads` pages of each bundle, alternating (and which goes first, too): a larger sample
 * than the full runs', for the change of the median that issue 18's target is set on. Resolves with each bundle's
 * paints and its long tasks per load.
 */
export async function firstPaints(loads: number, dists: string[]): Promise<{ ms: number[]; longTasks: number }[]> {
  const { site, browser, close } = await benchSite(dists);
  try {
    const measured = dists.map(() => ({ ms: [] as number[], longTasks: 0 }));
    for (let i = 0; i < loads; i++) {
      const order = [...dists.entries()];
      for (const [d, dist] of i % 2 ? order.reverse() : order) {
        const page = await openPage(browser, { saveData: true });
        const paint = await firstPaint(page, site.pageUrl(dist));
        await page.close();
        measured[d]!.ms.push(paint.ms);
        measured[d]!.longTasks += paint.longTasks / loads;
      }
    }
    return measured;
  } finally {
    await close();
  }
}

/**
 * One page of the bundle: first paint, a week switch there (a miss) and back (a hit), then a dense week. The page
 * says it saves data, so that no week is fetched early and the first switch stays a miss.
 */
async function measure(browser: Browser, site: BenchSite, dist: string): Promise<Run> {
  const page = await openPage(browser, { saveData: true });
  const paint = await firstPaint(page, site.pageUrl(dist));
  // Each page starts with an empty client cache: the next week is a miss, coming back is a hit.
  const miss = await switchWeek(page, 'Next week');
  const hit = await switchWeek(page, 'Previous week');
  const dense = await page.evaluate(renderDenseWeek);
  await page.close();
  return { paint, dense, miss, hit };
}

/**
 * Back and forth over four weeks within a minute, a click as soon as a week is shown and the page idle for a
 * moment (as a visitor reading it would leave it): the browser's /slots requests, and the visible waits.
 */
async function walkOver4Weeks(browser: Browser, site: BenchSite, dist: string): Promise<Walk> {
  const page = await openPage(browser);
  let requests = 0;
  page.on('request', (r) => {
    if (r.url().includes('/booking-api/slots')) requests++;
  });
  await page.goto(site.pageUrl(dist));
  await page.waitForFunction('window.__settled()');
  const steps = [
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
  ] as const;
  let waits = 0;
  for (const step of steps) {
    await page.evaluate(() => new Promise((idle) => requestIdleCallback(idle, { timeout: 500 })));
    if ((await switchWeek(page, step)).skeletonFirst) waits++;
  }
  await page.close();
  return { requests, switches: steps.length, waits };
}

/**
 * The timings of each bundle. With several (before and after a change), the runs alternate between them, so
 * that neither gets the machine's warmer or quieter minutes.
 */
export async function browserTimings(
  runs: number,
  log: (line: string) => void,
  bundles: Bundle[] = [{ dist: 'dist', label: '' }],
): Promise<{ bundles: BundleTimings[]; chromium: string }> {
  const { site, browser, close } = await benchSite(bundles.map((b) => b.dist));
  try {
    const measured: Run[][] = bundles.map(() => []);
    for (let i = 0; i < runs; i++)
      for (const [b, { dist, label }] of bundles.entries()) {
        const run = await measure(browser, site, dist);
        measured[b]!.push(run);
        log(
          `browser run ${i + 1}/${runs}${label ? ` (${label})` : ''}: paint ${run.paint.ms.toFixed(0)} ms, miss ${run.miss.frames} frames, hit ${run.hit.frames} frames, dense ${run.dense.firstMs.toFixed(0)} ms to its first rows, ${run.dense.ms.toFixed(0)} ms to all (script in pieces: ${run.dense.pieces.map((p) => p.toFixed(0)).join(', ')} ms)`,
        );
      }
    const results: BundleTimings[] = [];
    for (const [b, { dist, label }] of bundles.entries()) {
      const all = measured[b]!;
      const named = (name: string) => (label ? `${name} (${label})` : name);
      const timing = (name: string, of: (r: Run) => { ms: number; longTasks: number }): Timing => ({
        name: named(name),
        stats: stats(all.map((r) => of(r).ms)),
        longTasks: all.reduce((sum, r) => sum + of(r).longTasks, 0) / all.length,
      });
      results.push({
        timings: [
          timing('script load to first calendar paint', (r) => r.paint),
          timing('render a dense week (7 days x 96 slots): to the frame with every time', (r) => r.dense),
          timing('render a dense week: to the frame with its first rows', (r) => ({
            ms: r.dense.firstMs,
            longTasks: r.dense.longTasks,
          })),
          timing('render a dense week: longest piece of script (one task)', (r) => ({
            ms: Math.max(...r.dense.pieces),
            longTasks: r.dense.longTasks,
          })),
        ],
        switches: [
          switchCount(
            named('week switch, cache hit'),
            all.map((r) => r.hit),
          ),
          switchCount(
            named('week switch, cache miss (proxy + sandbox)'),
            all.map((r) => r.miss),
          ),
        ],
        walk: await walkOver4Weeks(browser, site, dist),
      });
    }
    return { bundles: results, chromium: browser.version() };
  } finally {
    await close();
  }
}
