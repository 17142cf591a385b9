// `npm run bench:browser [-- --baseline <rev>]`: only the browser rows of the bench, printed (issue 18's loop:
// change, measure before and after in one run); `npm run bench` writes them to BENCHMARKS.md with the rest.
import { baselineBundle } from './baseline.js';
import { browserTimings, firstPaintChange } from './browser.js';
import { ms, percentChange } from './stats.js';

const at = process.argv.indexOf('--baseline');
const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 15;
const bundles =
  at > 0
    ? [
        { dist: baselineBundle(process.argv[at + 1]!), label: `before: ${process.argv[at + 1]}` },
        { dist: 'dist', label: 'now' },
      ]
    : undefined;
const { bundles: measured } = await browserTimings(runs, () => undefined, bundles);
for (const b of measured) {
  for (const t of b.timings)
    console.log(
      `${t.name}: median ${ms(t.stats.median)} (p10 ${ms(t.stats.p10)}, p90 ${ms(t.stats.p90)}), ${t.longTasks.toFixed(2)} long tasks/run`,
    );
  for (const c of b.switches)
    console.log(
      `${c.name}: frames median ${c.frames.median}, loading state first in ${c.skeletonFirst}/${c.frames.runs}`,
    );
  console.log(`walk: ${b.walk.requests} requests, ${b.walk.waits} of ${b.walk.switches} switches waited`);
}
const [before, now] = measured;
if (before && now)
  console.log(
    `first calendar paint, now against ${process.argv[at + 1]}: ${percentChange(firstPaintChange(before, now))}`,
  );
process.exit(0);
