// Deno: `npm install booking-flow-proxy && npx booking-flow-proxy init`, then
// `CALCOM_API_KEY=… deno run --allow-net --allow-env --allow-read deno.ts`. Without the key: the sandbox.
import { createProxy, parseConfig } from 'booking-flow-proxy';

const apiKey = Deno.env.get('CALCOM_API_KEY');
const proxy = createProxy({
  config: parseConfig(await Deno.readTextFile('booking-proxy.json')),
  basePath: '/booking-api',
  ...(apiKey ? { apiKey } : { upstream: 'sandbox' }),
});

Deno.serve({ port: Number(Deno.env.get('PORT') ?? 8787) }, (request, info) =>
  proxy.fetch(request, { clientIp: info.remoteAddr.hostname }),
);
