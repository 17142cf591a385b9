import * as v from 'valibot';

import { slotTags } from './catalog.js';
import { InstantText } from './fields.js';
import type { ProxyConfig } from './config.js';

/** The triggers after which a time is taken or freed (calcom-api.md §8). */
export const INVALIDATING_TRIGGERS = new Set([
  'BOOKING_CREATED',
  'BOOKING_CANCELLED',
  'BOOKING_RESCHEDULED',
  'BOOKING_REQUESTED',
  'BOOKING_REJECTED',
]);

const WebhookSchema = v.object({
  triggerEvent: v.string(),
  createdAt: InstantText,
  payload: v.optional(
    v.object({
      eventTypeId: v.optional(v.nullable(v.number())),
      // The dates whose times changed; unreadable ones widen the change to every date.
      startTime: v.optional(v.string()),
      endTime: v.optional(v.string()),
      rescheduleStartTime: v.optional(v.string()),
      rescheduleEndTime: v.optional(v.string()),
      organizer: v.optional(v.object({ username: v.optional(v.nullable(v.string())) })),
    }),
    {},
  ),
});
export type CalcomWebhook = v.InferOutput<typeof WebhookSchema>;

const encoder = new TextEncoder();

/**
 * Checks `X-Cal-Signature-256`: hex HMAC-SHA256 of the raw body with the webhook secret. WebCrypto's verify
 * compares in constant time and runs in Node, serverless and edge runtimes alike.
 */
export async function verifySignature(
  secret: string,
  rawBody: string,
  signature: string | undefined,
): Promise<boolean> {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const bytes = new Uint8Array(signature.match(/../g)!.map((h) => parseInt(h, 16)));
  return crypto.subtle.verify('HMAC', key, bytes, encoder.encode(rawBody));
}

/** Hex HMAC-SHA256 of `body`, as Cal.com signs a webhook (the sandbox uses it to send them). */
export async function sign(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)));
  return [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function parseWebhook(body: unknown): CalcomWebhook | undefined {
  const parsed = v.safeParse(WebhookSchema, body);
  return parsed.success ? parsed.output : undefined;
}

/** The cache tags a booking webhook makes stale: the services and staff behind its event type and organizer. */
export function webhookTags(config: ProxyConfig, hook: CalcomWebhook): string[] {
  const { eventTypeId, organizer } = hook.payload;
  const tags = new Set<string>();
  if (eventTypeId !== undefined && eventTypeId !== null) tags.add(`event:id:${eventTypeId}`);
  for (const service of config.services) {
    if (service.eventTypeId === eventTypeId) slotTags(config, service, undefined).forEach((t) => tags.add(t));
  }
  for (const staff of config.staff) {
    const ownType = Object.entries(staff.eventTypeIds ?? {}).find(([, id]) => id === eventTypeId);
    const isOrganizer = organizer?.username && staff.username === organizer.username;
    if (ownType || isOrganizer) tags.add(`staff:${staff.id}`);
  }
  return [...tags];
}
