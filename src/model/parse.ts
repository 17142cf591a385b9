// Strict readers for the dates and zones that arrive from outside (query strings, JSON bodies). `Date.parse` is
// not one: it rolls 2027-02-30 over to March and reads "+01" as it likes, and a booking must never move a day.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * The epoch milliseconds of an ISO 8601 instant with a `Z` or a numeric offset (`+01`, `+0100` or `+01:00`), or
 * undefined when the text is not one or names a time that does not exist (2027-02-30, 24:00, an offset over 18 h).
 */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  const fraction = match[7] ? Number(`0.${match[7]}`) : 0;
  const [sign, offsetHours, offsetMinutes] = [
    match[9] === '-' ? -1 : 1,
    Number(match[10] ?? 0),
    Number(match[11] ?? 0),
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offsetHours > 18 || offsetMinutes > 59) return undefined;
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hour, minute, second, Math.floor(fraction * 1000));
  return date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

const canonicalZones = new Map<string, string | undefined>();

/**
 * The runtime's canonical name of an IANA time zone, whatever its spelling (`europe/berlin`, a link such as
 * `US/Pacific`), or undefined for no zone. One zone gets one name, so it gets one cache entry.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (canonicalZones.has(name)) return canonicalZones.get(name);
  let canonical: string | undefined;
  // Offsets like "+01:00" are valid Intl zones in newer runtimes but not IANA names.
  if (/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(name)) {
    try {
      canonical = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      canonical = undefined;
    }
  }
  // Bounded: spellings are attacker-chosen.
  if (canonicalZones.size < 2_000) canonicalZones.set(name, canonical);
  return canonical;
}
