// Cloudflare Workers (workerd): `npx booking-flow-proxy init --json`, then `wrangler deploy worker.ts` with
// `wrangler secret put CALCOM_API_KEY`. No nodejs_compat flag: the package's "workerd" export imports no Node
// built-in. Without the secret it answers from the built-in sandbox.
import { createProxy, parseConfig } from 'booking-flow-proxy';
import configJson from './booking-proxy.json' with { type: 'json' };

let proxy: ReturnType<typeof createProxy> | undefined;

export default {
  fetch(request: Request, env: { CALCOM_API_KEY?: string }) {
    // Made on the first request: a worker's global scope may not read the clock or start timers.
    proxy ??= createProxy({
      config: parseConfig(configJson),
      basePath: '/booking-api',
      ...(env.CALCOM_API_KEY ? { apiKey: env.CALCOM_API_KEY } : { upstream: 'sandbox' }),
    });
    return proxy.fetch(request, { clientIp: request.headers.get('cf-connecting-ip') ?? undefined });
  },
};
