// `npm run bench:profile`: a CPU profile of one start-up of the bench page (preselected flow, loopback, Chromium),
// the first step issue 18 asks for before any change; `-- --dense` profiles the bench's dense week (7 x 96 times)
// instead. Prints self time by function, mapped through the bundle's source map to src/, the time inside each element's
// updates, and the main-thread tasks over 50 ms; writes the profile for DevTools to /tmp.
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { benchSite, firstPaint, openPage, renderDenseWeek } from './browser.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * In the page, before the bundle: each element's performUpdate runs inside a function named after the element and
 * the update's number (`update_availability_loader_1`; 4 for the fourth and later), so that the profile can say
 * which element's update a sample is in, and which of its updates (the held first render, the one with the data).
 */
const NAME_UPDATES = `{
  const define = customElements.define.bind(customElements);
  customElements.define = (tag, element, options) => {
    const perform = element.prototype.performUpdate;
    const named = [1, 2, 3, 4].map((n) => {
      const name = 'update_' + tag.replaceAll('-', '_') + '_' + n;
      return new Function('perform', 'return function ' + name + '() { return perform.call(this); }')(perform);
    });
    const counts = new WeakMap();
    element.prototype.performUpdate = function () {
      const n = Math.min((counts.get(this) ?? 0) + 1, 4);
      counts.set(this, n);
      return named[n - 1].call(this);
    };
    return define(tag, element, options);
  };
}`;

const dense = process.argv.includes('--dense');
const OUT = `/tmp/booking-flow-${dense ? 'dense' : 'startup'}.cpuprofile`;
const map = new SourceMapConsumer(JSON.parse(readFileSync('dist/booking-flow.js.map', 'utf8')) as RawSourceMap);

/** Where a frame of the bundle comes from: `src/…:line name`, else the frame as Chromium names it. */
function origin({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']): string {
  if (!url.endsWith('/booking-flow.js')) return functionName || `(${url ? 'anonymous' : 'native'}) ${url}`.trim();
  const at = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
  const file = (at.source ?? '?').replace(/^.*?(src\/|node_modules\/)/, '$1');
  return `${file}:${at.line ?? '?'} ${at.name ?? functionName}`;
}

const { site, browser, close } = await benchSite();
try {
  // One warm-up load, so that the profile is not of Chromium's first start.
  const warm = await openPage(browser);
  await warm.goto(site.pageUrl());
  await warm.waitForFunction('window.__settled()');
  await warm.close();

  const page = await openPage(browser);
  await page.addInitScript(NAME_UPDATES);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (dense) {
    await page.goto(site.pageUrl());
    await page.waitForFunction('window.__settled()');
  }
  await cdp.send('Profiler.start');
  // The start-up is watched by the page itself (firstPaint): Playwright's polling would compile its own script there.
  const painted = dense ? await page.evaluate(renderDenseWeek) : (await firstPaint(page, site.pageUrl())).ms;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  writeFileSync(OUT, JSON.stringify(profile));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((child) => [child, n.id] as const)));
  const self = new Map<string, number>();
  const updates = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = origin(byId.get(id)!.callFrame);
    if (name === '(idle)') return;
    total += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    // The innermost element update the sample is in (NAME_UPDATES names them), with what it calls.
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const update = /^update_(.+)_(\d)$/.exec(byId.get(at)!.callFrame.functionName);
      if (!update) continue;
      const key = `<${update[1]!.replaceAll('_', '-')}> update ${update[2]}${update[2] === '4' ? '+' : ''}`;
      updates.set(key, (updates.get(key) ?? 0) + ms);
      break;
    }
  });
  const tasks = await page.evaluate<[number, number][]>(
    `performance.getEntriesByType('longtask').map((t) => [Math.round(t.startTime), Math.round(t.duration)])`,
  );
  const requests = await page.evaluate<[string, number, number][]>(
    `performance.getEntriesByType('resource').map((r) => [r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd)])`,
  );
  console.log(
    dense
      ? `dense week: ${JSON.stringify(painted)}`
      : `first calendar paint at ${Number(painted).toFixed(0)} ms after navigation start`,
  );
  for (const [name, start, end] of requests) console.log(`request ${start}-${end} ms  ${name}`);
  console.log(`long tasks (start ms, duration ms): ${JSON.stringify(tasks)}`);
  console.log(`busy (not idle) in the profile: ${total.toFixed(0)} ms; by self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log(`by element update (the first, second, third, then all later ones), with what each calls:`);
  for (const [name, ms] of [...updates].sort((a, b) => b[1] - a[1]))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  console.log(`profile written to ${OUT} (open it in DevTools' Performance panel)`);
} finally {
  await close();
}
