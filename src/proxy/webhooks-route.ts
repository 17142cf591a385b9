import { Hono } from 'hono';
import { bodyLimited } from './body-limit.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { ProxyError, invalidField } from './errors.js';
import { SECURITY_HEADERS } from './headers.js';
import type { ProxyServices } from './services.js';
import { INVALIDATING_TRIGGERS, parseWebhook, verifySignature, webhookTags } from './webhooks.js';

/** Cal.com's payloads are a few kilobytes; more is not a webhook. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;
/** How far a sender's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * POST /webhooks/calcom: rate limited before anything is read, signed, fresh (by its createdAt) and taken once:
 * a captured delivery sent again is refused, so it cannot force upstream calls by dropping the cache.
 */
export function webhooksRoute(services: ProxyServices): Hono<ProxyEnv> {
  const { config, changes, records, now } = services;
  const secret = services.webhookSecret;
  const windowMs = config.webhookReplayWindowSeconds * 1000;
  return new Hono<ProxyEnv>().post(
    '/webhooks/calcom',
    rateLimited(services, services.limits.webhooks),
    bodyLimited(MAX_WEBHOOK_BODY_BYTES, 'A webhook body'),
    async (c) => {
      if (!secret)
        throw new ProxyError({
          status: 404,
          code: 'not_found',
          message: 'Webhooks are not configured (set webhookSecret).',
        });
      const raw = await c.req.text();
      const signature = c.req.header('x-cal-signature-256');
      if (!(await verifySignature(secret, raw, signature))) {
        throw new ProxyError({
          status: 401,
          code: 'invalid_signature',
          message: 'X-Cal-Signature-256 does not match the body.',
          details: { field: 'x-cal-signature-256' },
        });
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ProxyError({
          status: 400,
          code: 'invalid_json',
          message: 'The webhook body is not valid JSON.',
          details: { field: 'body' },
        });
      }
      const hook = parseWebhook(json);
      if (!hook) throw invalidField('triggerEvent', 'is required, with createdAt as an ISO 8601 instant');
      const age = now() - hook.createdAt;
      if (age > windowMs)
        throw new ProxyError({
          status: 400,
          code: 'webhook_expired',
          message: `createdAt: the webhook is older than ${config.webhookReplayWindowSeconds} s.`,
          details: { field: 'createdAt' },
        });
      if (age < -CLOCK_SKEW_MS) throw invalidField('createdAt', 'must not be in the future');
      // The signature is unique to the body: the same delivery twice is a replay.
      if (!(await records.claim(`webhook:${signature!.toLowerCase()}`, 1, windowMs + CLOCK_SKEW_MS))) {
        throw new ProxyError({
          status: 409,
          code: 'webhook_replayed',
          message: 'This webhook delivery was already received.',
        });
      }
      const { startTime, endTime, rescheduleStartTime, rescheduleEndTime } = hook.payload;
      const dropped = INVALIDATING_TRIGGERS.has(hook.triggerEvent)
        ? await changes.drop(webhookTags(config, hook), [startTime, endTime, rescheduleStartTime, rescheduleEndTime])
        : 0;
      return c.json({ received: true, dropped }, 200, SECURITY_HEADERS);
    },
  );
}
