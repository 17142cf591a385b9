// Bun: `bun add booking-flow-proxy && bunx booking-flow-proxy init`, then `CALCOM_API_KEY=… bun bun.ts`.
// Without the key: the sandbox.
import { createProxy, parseConfig } from 'booking-flow-proxy';

const apiKey = process.env.CALCOM_API_KEY;
const proxy = createProxy({
  config: parseConfig(await Bun.file('booking-proxy.json').text()),
  basePath: '/booking-api',
  ...(apiKey ? { apiKey } : { upstream: 'sandbox' }),
});

const server = Bun.serve({
  port: Number(process.env.PORT ?? 8787),
  fetch: (request) => proxy.fetch(request, { clientIp: server.requestIP(request)?.address }),
});
console.log(`booking-flow-proxy listening on ${server.url}`);
