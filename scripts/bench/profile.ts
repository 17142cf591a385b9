// `npm run bench:profile`: a CPU profile of one start-up of the bench page (preselected flow, loopback, Chromium),
// the first step issue 18 asks for before any change; `-- --dense` profiles the bench's dense week (7 x 96 times)
// instead. Prints self time by function, mapped through the bundle's source map to src/, and the main-thread tasks
// over 50 ms; writes the profile for DevTools to /tmp.
import { readFileSync, writeFileSync } from 'node:fs';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { benchSite, firstPaint, openPage, renderDenseWeek } from './browser.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

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
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const name = origin(byId.get(id)!.callFrame);
    if (name === '(idle)') return;
    total += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
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
  console.log(`profile written to ${OUT} (open it in DevTools' Performance panel)`);
} finally {
  await close();
}
