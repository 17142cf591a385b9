import { sign } from '../proxy/webhooks.js';
import type { SandboxBooking, SandboxData } from './model.js';

export interface SandboxWebhook {
  subscriberUrl: string;
  secret?: string;
  triggers?: string[];
  /** How to deliver (default fetch); a test can hand it straight to a proxy. */
  deliver?: (request: Request) => Promise<Response>;
}

/** Sends a booking webhook as Cal.com does (calcom-api.md §8): signed raw JSON, version header, envelope. */
export async function sendWebhooks(
  hooks: readonly SandboxWebhook[],
  trigger: string,
  data: SandboxData,
  booking: SandboxBooking,
  now: number,
  /** More payload fields, e.g. a reschedule's `rescheduleStartTime`. */
  extra: Record<string, string> = {},
): Promise<void> {
  const organizer = data.users.find((u) => u.username === booking.host);
  const eventType = data.eventTypes.find((e) => e.id === booking.eventTypeId);
  const body = JSON.stringify({
    triggerEvent: trigger,
    createdAt: new Date(now).toISOString(),
    payload: {
      uid: booking.uid,
      bookingId: booking.id,
      eventTypeId: booking.eventTypeId,
      type: eventType?.slug,
      title: booking.title,
      startTime: new Date(booking.start).toISOString(),
      endTime: new Date(booking.end).toISOString(),
      length: (booking.end - booking.start) / 60_000,
      status: booking.status.toUpperCase(),
      organizer: organizer && {
        id: organizer.id,
        name: organizer.name,
        email: organizer.email,
        username: organizer.username,
        timeZone: organizer.timeZone,
      },
      attendees: booking.attendees.map((a) => ({
        name: a.name,
        email: a.email,
        timeZone: a.timeZone,
        language: { locale: a.language },
      })),
      responses: booking.bookingFieldsResponses,
      metadata: booking.metadata,
      ...extra,
    },
  });
  await Promise.all(
    hooks
      .filter((hook) => !hook.triggers || hook.triggers.includes(trigger))
      .map(async (hook) => {
        const signature = hook.secret ? await sign(hook.secret, body) : 'no-secret-provided';
        const request = new Request(hook.subscriberUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-cal-signature-256': signature,
            'x-cal-webhook-version': '2021-10-20',
          },
          body,
        });
        // Cal.com does not fail a booking because a subscriber is down; neither does the sandbox.
        await (hook.deliver ?? fetch)(request).catch(() => undefined);
      }),
  );
}
