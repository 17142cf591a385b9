// `npm run bench:live`: only the live-update rows of the bench (issue 13), printed; `npm run bench` writes them to
// BENCHMARKS.md with the rest.
import { bookingToVanish, burstOverTwoInstances, memoryPerStream } from './live.js';
import { ms } from './stats.js';

const vanish = await bookingToVanish(15);
console.log(`live  booking to time gone in another context: median ${ms(vanish.median)}, p90 ${ms(vanish.p90)}`);
const held = await bookingToVanish(15, '/holds');
console.log(`live  hold to time gone in another context: median ${ms(held.median)}, p90 ${ms(held.p90)}`);
const perStream = await memoryPerStream(5_000);
console.log(
  `live  ${perStream.count} idle streams: ${perStream.heapKb.toFixed(1)} KB heap, ${perStream.rssKb.toFixed(1)} KB RSS each`,
);
const burst = await burstOverTwoInstances();
console.log(
  `live  Cal.com calls, 1,000 cold requests over two instances: ${burst.redis} on Redis, ${burst.memory} alone`,
);
process.exit(0);
