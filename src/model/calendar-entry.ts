/** One appointment as a calendar takes it: made in the browser, with no third-party script. */
export interface CalendarEntry {
  /** The booking's uid: the same entry added twice stays one entry. */
  uid: string;
  /** UTC instants (ISO 8601). */
  start: string;
  end: string;
  title: string;
  location?: string;
  description?: string;
}

/** `20251020T090000Z`: an instant as iCalendar and Google write it (UTC, no separators). */
export function compactUtc(instant: string | number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets folded with CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An iCalendar file (RFC 5545) with one event, its times in UTC; `now` stamps it (DTSTAMP). */
export function icsText(entry: CalendarEntry, now: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//booking-flow//booking-flow//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.uid)}@booking-flow`,
    `DTSTAMP:${compactUtc(now)}`,
    `DTSTART:${compactUtc(entry.start)}`,
    `DTEND:${compactUtc(entry.end)}`,
    `SUMMARY:${escapeText(entry.title)}`,
    ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
    ...(entry.description ? [`DESCRIPTION:${escapeText(entry.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** Google Calendar's "add event" page, filled in. */
export function googleCalendarUrl(entry: CalendarEntry): string {
  const query = new URLSearchParams({
    action: 'TEMPLATE',
    text: entry.title,
    dates: `${compactUtc(entry.start)}/${compactUtc(entry.end)}`,
    details: entry.description ?? '',
    location: entry.location ?? '',
  });
  return `https://calendar.google.com/calendar/render?${query}`;
}

/** Outlook.com's "new event" page, filled in. */
export function outlookCalendarUrl(entry: CalendarEntry): string {
  const query = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: entry.title,
    startdt: new Date(entry.start).toISOString(),
    enddt: new Date(entry.end).toISOString(),
    body: entry.description ?? '',
    location: entry.location ?? '',
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${query}`;
}
