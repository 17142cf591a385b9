// Where a start-up's time goes: the milestones of a page load, from navigation start, for each bundle (issue 18).
// Runs of their own: the calls into Intl are timed through wrappers, which the first-paint runs must not carry.
import type { Browser } from 'playwright-core';
import { benchSite, firstPaint, openPage, type Bundle } from './browser.js';
import { stats } from './stats.js';

/** The milestones in the order a start-up passes them, with what each one marks. */
export const MILESTONES = [
  ['bundle', 'the bundle in (its response end)'],
  ['dcl', 'DOMContentLoaded (module evaluated, elements upgraded)'],
  ['icu', "ICU's first load done (end of the first call into Intl over 5 ms)"],
  ['catalog', 'the catalog asked for'],
  ['week', 'the first week asked for'],
  ['loaded', 'the first week in (availability-loaded)'],
  ['paint', 'first calendar paint'],
] as const;

type Milestone = (typeof MILESTONES)[number][0];
/** Each milestone's median in ms from navigation start, and `intl`: the median time spent inside Intl's calls. */
export type StartupMedians = Record<Milestone | 'intl', number>;

/**
 * In the page, before its scripts: wrappers that time Intl's constructors and `getWeekInfo` (the first call loads
 * ICU's data), and fetch (the first catalog and week requests); listeners for DOMContentLoaded and the first week.
 */
const IN_PAGE_MARKS = `{
  const marks = (window.__marks = { intl: 0 });
  const timed = (call) => {
    const start = performance.now();
    const result = call();
    const end = performance.now();
    marks.intl += end - start;
    if (end - start > 5 && marks.icu === undefined) marks.icu = end;
    return result;
  };
  const weekInfo = Intl.Locale.prototype.getWeekInfo;
  if (weekInfo) Intl.Locale.prototype.getWeekInfo = function () { return timed(() => weekInfo.call(this)); };
  for (const name of ['DateTimeFormat', 'NumberFormat', 'PluralRules', 'Locale']) {
    const Real = Intl[name];
    const Timed = function (...args) { return timed(() => new Real(...args)); };
    Timed.prototype = Real.prototype;
    Object.setPrototypeOf(Timed, Real);
    Object.defineProperty(Timed, 'name', { value: name });
    Intl[name] = Timed;
  }
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = String(input instanceof Request ? input.url : input);
    for (const [key, path] of [['catalog', '/catalog'], ['week', '/slots']])
      if (url.includes(path) && marks[key] === undefined) marks[key] = performance.now();
    return realFetch.call(this, input, init);
  };
  document.addEventListener('DOMContentLoaded', () => (marks.dcl = performance.now()));
  addEventListener('availability-loaded', () => (marks.loaded ??= performance.now()));
}`;

/** One instrumented load of the page at `url`, saving data as the first-paint runs do: its milestones. */
async function milestonesOf(browser: Browser, url: string): Promise<Record<string, number>> {
  const page = await openPage(browser, { saveData: true });
  await page.addInitScript(IN_PAGE_MARKS);
  const paint = await firstPaint(page, url);
  const marks = await page.evaluate<Record<string, number>>(`({
    ...window.__marks,
    bundle: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/booking-flow.js'))?.responseEnd,
  })`);
  await page.close();
  return { ...marks, paint: paint.ms };
}

/** The medians of `runs` instrumented start-ups of each bundle, the runs alternating between them. */
export async function startupMilestones(runs: number, bundles: Bundle[]): Promise<StartupMedians[]> {
  const { site, browser, close } = await benchSite(bundles.map((b) => b.dist));
  try {
    const seen = bundles.map(() => [] as Record<string, number>[]);
    for (let i = 0; i < runs; i++)
      for (const [b, { dist }] of bundles.entries()) seen[b]!.push(await milestonesOf(browser, site.pageUrl(dist)));
    return seen.map((loads) => {
      const median = (key: string) =>
        stats(loads.map((l) => l[key]).filter((v): v is number => v !== undefined)).median;
      return Object.fromEntries(
        [...MILESTONES.map(([key]) => key), 'intl'].map((key) => [key, median(key)]),
      ) as StartupMedians;
    });
  } finally {
    await close();
  }
}
