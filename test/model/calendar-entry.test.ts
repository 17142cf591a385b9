import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import {
  compactUtc,
  googleCalendarUrl,
  icsText,
  outlookCalendarUrl,
  type CalendarEntry,
} from '../../src/model/calendar-entry.js';

const entry: CalendarEntry = {
  uid: 'sbx_abc123',
  start: '2025-10-22T08:00:00.000Z',
  end: '2025-10-22T08:30:00.000Z',
  title: 'Haircut with Anna Berg; colour, too\\maybe',
  location: 'Berlin Mitte, Torstraße 1, 10119 Berlin',
  description: `Reference: sbx_abc123\nBring: ${'très long texte, '.repeat(8)}👋🏽`,
};
const NOW = Date.parse('2025-10-20T06:00:00Z');

describe('calendar entry: the .ics file (RFC 5545) and the calendar links', () => {
  it('parses with a real iCalendar parser into the same event, times in UTC', () => {
    const text = icsText(entry, NOW);
    const calendar = ICAL.Component.fromString(text);
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).to.be.a('string');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.uid).to.equal('sbx_abc123@booking-flow');
    expect(event.summary).to.equal(entry.title);
    expect(event.location).to.equal(entry.location);
    expect(event.description).to.equal(entry.description);
    expect(event.startDate.toJSDate().toISOString()).to.equal(entry.start);
    expect(event.endDate.toJSDate().toISOString()).to.equal(entry.end);
    expect(event.startDate.zone.tzid).to.equal('UTC');
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().getTime()).to.equal(NOW);
  });

  it('writes CRLF lines of at most 75 octets, folded with a space and never inside a character', () => {
    const text = icsText(entry, NOW);
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).to.not.include('\n');
    const lines = text.split('\r\n').slice(0, -1);
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).to.be.at.most(75, line);
    expect(
      lines.some((line) => line.startsWith(' ')),
      'long lines are folded',
    ).to.equal(true);
    // Unfolding gives back every character, the emoji with its skin tone among them.
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).to.include('👋🏽');
    expect(unfolded).to.include('SUMMARY:Haircut with Anna Berg\\; colour\\, too\\\\maybe');
    expect(unfolded).to.include('DTSTART:20251022T080000Z');
  });

  it('fills in Google Calendar and Outlook.com with the title, UTC times and place', () => {
    const google = new URL(googleCalendarUrl(entry));
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).to.equal('TEMPLATE');
    expect(google.searchParams.get('text')).to.equal(entry.title);
    expect(google.searchParams.get('dates')).to.equal('20251022T080000Z/20251022T083000Z');
    expect(google.searchParams.get('location')).to.equal(entry.location);
    const outlook = new URL(outlookCalendarUrl(entry));
    expect(outlook.hostname).to.equal('outlook.live.com');
    expect(outlook.searchParams.get('subject')).to.equal(entry.title);
    expect(outlook.searchParams.get('startdt')).to.equal(entry.start);
    expect(outlook.searchParams.get('enddt')).to.equal(entry.end);
    expect(compactUtc('2025-01-02T03:04:05.678Z')).to.equal('20250102T030405Z');
  });
});
