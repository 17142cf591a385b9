import stripJsonComments from 'strip-json-comments';

/** A booking-proxy.json may carry // and /* comments (the starter config does); they are read past. */
export function readConfigText(text: string, file: string): unknown {
  try {
    return JSON.parse(stripJsonComments(text));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * What `booking-flow-proxy init` writes: a config that starts as it is (on the sandbox, with the demo's event type
 * ids), with a comment on each part saying what to change for Cal.com.
 */
export const STARTER_CONFIG = `// booking-proxy.json: what the booking-flow proxy offers and where it finds it on Cal.com.
// Comments like this one are allowed. Every field is described in the proxy's README (docs/proxy.md).
// Start it with: npx booking-flow-proxy --config booking-proxy.json
// Without CALCOM_API_KEY in the environment it answers from its built-in Cal.com simulator (the sandbox),
// whose event types are the ids below; with the key, put your own Cal.com event type ids here.
{
  // The pages allowed to call the proxy from another origin (also: --allowed-origin on the command line).
  // Leave empty when the proxy is served from the site's own origin (e.g. under /booking-api).
  "allowedOrigins": [],

  // How long answers for available times are cached, in seconds.
  "cacheTtlSeconds": 60,

  // Optional: a secret for Cal.com's webhooks (POST <base>/webhooks/calcom), so bookings made on Cal.com
  // reach open calendars at once.
  // "webhookSecret": "at least 16 random characters",

  // Optional: several proxy instances share cache, rate limits and live updates through Redis.
  // The URL can also come from REDIS_URL.
  // "redis": { "url": "redis://127.0.0.1:6379" },

  // Locations the visitor can choose from; leave out to skip that step.
  "branches": [{ "id": "berlin", "name": "Berlin Mitte", "timeZone": "Europe/Berlin", "address": "Torstraße 1, 10119 Berlin" }],

  // What can be booked. eventTypeId is the Cal.com event type for "any available" (a round-robin team event);
  // eventTypeSlug is the slug of each staff member's own event type for it.
  "services": [
    {
      "id": "haircut",
      "name": "Haircut",
      "description": "Wash, cut and style.",
      "eventTypeId": 1001,
      "eventTypeSlug": "haircut",
      "durationMinutes": 30,
      "branchIds": ["berlin"]
      // Optional: "questions", "guests", "locations" and "durations" (see the README).
    }
  ],

  // Who takes bookings: their Cal.com username (with eventTypeSlug above) or their event type ids per service.
  "staff": [
    { "id": "anna", "name": "Anna Berg", "username": "anna-berg", "serviceIds": ["haircut"], "branchIds": ["berlin"] }
  ]
}
`;
