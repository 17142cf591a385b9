import { expect } from '@open-wc/testing';
import { fieldsAtOffset, zonedFields } from '../../src/model/dates.js';
import { buildWeek, groupByPartOfDay, toSlot } from '../../src/model/week.js';

/** The slot of an instant in `timeZone`, its offset there from Intl. */
const slotIn = (iso: string, timeZone: string, minutes: number) => {
  const ms = Date.parse(iso);
  return toSlot(ms, minutes, zonedFields(ms, timeZone).offsetMinutes);
};

const base = {
  weekStart: '2025-10-20',
  durationMinutes: 45,
  fetchedAt: Date.parse('2025-10-21T10:00:00Z'),
  fromCache: false,
  locale: 'en-GB',
};

describe('model/week', () => {
  it('groups a day by part of day in the viewer zone: before noon, before 17:00, later; empty parts left out', () => {
    const at = (utc: string) => slotIn(`2025-10-20T${utc}:00Z`, 'Europe/Berlin', 30);
    const day = ['07:00', '09:59', '10:00', '14:59', '15:00', '19:30'].map(at); // 09:00 ... 21:30 in Berlin
    const parts = groupByPartOfDay(day).map(([part, slots]) => [part, slots.map((s) => s.time)]);
    expect(parts).to.deep.equal([
      ['morning', ['09:00', '11:59']],
      ['afternoon', ['12:00', '16:59']],
      ['evening', ['17:00', '21:30']],
    ]);
    expect(groupByPartOfDay([at('13:00')]).map(([part]) => part)).to.deep.equal(['afternoon']);
    expect(groupByPartOfDay([])).to.deep.equal([]);
  });

  it('expresses a slot in the viewer zone', () => {
    expect(slotIn('2025-10-20T07:00:00.000Z', 'Europe/Berlin', 45)).to.deep.equal({
      time: '09:00',
      fullDatetime: '2025-10-20T09:00:00+02:00',
      date: '2025-10-20',
      dayName: 'monday',
      durationMinutes: 45,
    });
    expect(slotIn('2025-10-20T07:00:00.000Z', 'America/New_York', 45)).to.include({
      time: '03:00',
      date: '2025-10-20',
    });
  });

  it('keeps local wall times across the end of DST inside one week', () => {
    const { weekData, weekMetadata } = buildWeek({
      ...base,
      timeZone: 'Europe/Berlin',
      now: Date.parse('2025-10-22T12:00:00Z'),
      // 09:00 local on Monday (UTC+2) and on Sunday (UTC+1, after the change).
      slots: ['2025-10-26T08:00:00Z', '2025-10-20T07:00:00Z', '2025-10-20T07:00:00.000+00:00'],
    });
    expect(weekData.monday.map((s) => s.fullDatetime)).to.deep.equal(['2025-10-20T09:00:00+02:00']);
    expect(weekData.sunday.map((s) => s.fullDatetime)).to.deep.equal(['2025-10-26T09:00:00+01:00']);
    expect(weekMetadata.totalSlots).to.equal(2);
  });

  it('reads a wall clock off a known offset exactly as Intl does, in zones east, west, half-hour and quarter-hour off', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham'];
    for (const timeZone of zones)
      for (let ms = Date.parse('2025-01-01T00:00:00Z'); ms < Date.parse('2026-01-01T00:00:00Z'); ms += 7_919_999)
        expect(fieldsAtOffset(ms, zonedFields(ms, timeZone).offsetMinutes), `${timeZone} ${ms}`).to.deep.equal(
          zonedFields(ms, timeZone),
        );
  });

  it("asks Intl at a week's two ends (and for today) when its zone keeps one offset, not once a time; once a time across a change of clock (issue 18)", () => {
    const realParts = Intl.DateTimeFormat.prototype.formatToParts;
    let calls = 0;
    Intl.DateTimeFormat.prototype.formatToParts = function (this: Intl.DateTimeFormat, date) {
      calls++;
      return realParts.call(this, date);
    };
    const every15Minutes = (from: string) =>
      Array.from({ length: 7 * 96 }, (_, i) => new Date(Date.parse(from) + i * 900_000).toISOString());
    try {
      const week = (weekStart: string, slots: string[]) =>
        buildWeek({ ...base, weekStart, timeZone: 'Europe/Berlin', now: Date.parse('2025-10-01T00:00:00Z'), slots });
      const { weekData } = week('2025-11-03', every15Minutes('2025-11-02T23:00:00Z'));
      // The two ends, and today in the zone.
      expect(calls).to.equal(3);
      for (const day of Object.values(weekData)) {
        expect(day).to.have.length(96);
        for (const slot of day) expect(slot).to.deep.equal(slotIn(slot.fullDatetime, 'Europe/Berlin', 45));
      }
      calls = 0;
      // The week of the end of summer time: the ends differ, each time is asked for.
      const { weekData: changed } = week('2025-10-20', every15Minutes('2025-10-19T22:00:00Z'));
      expect(calls).to.be.above(7 * 96);
      expect(changed.sunday.map((s) => s.fullDatetime).slice(8, 14)).to.deep.equal([
        '2025-10-26T02:00:00+02:00',
        '2025-10-26T02:15:00+02:00',
        '2025-10-26T02:30:00+02:00',
        '2025-10-26T02:45:00+02:00',
        '2025-10-26T02:00:00+01:00',
        '2025-10-26T02:15:00+01:00',
      ]);
    } finally {
      Intl.DateTimeFormat.prototype.formatToParts = realParts;
    }
  });

  it('drops slots that fall outside the week in the viewer zone and sorts each day', () => {
    const { weekData, weekMetadata } = buildWeek({
      ...base,
      timeZone: 'America/New_York',
      now: Date.parse('2025-10-22T12:00:00Z'),
      slots: [
        '2025-10-20T02:00:00Z', // Sunday 19 Oct 22:00 in New York: the week before
        '2025-10-21T18:00:00Z',
        '2025-10-21T13:30:00Z',
        '2025-10-27T03:00:00Z', // Sunday 26 Oct 23:00 in New York: still this week
      ],
    });
    expect(weekData.monday).to.deep.equal([]);
    expect(weekData.tuesday.map((s) => s.time)).to.deep.equal(['09:30', '14:00']);
    expect(weekData.sunday.map((s) => s.time)).to.deep.equal(['23:00']);
    expect(weekMetadata.totalSlots).to.equal(3);
  });

  it('describes the week: days, today, past days, current week and provenance', () => {
    const { weekData, weekMetadata } = buildWeek({
      ...base,
      timeZone: 'Europe/Berlin',
      now: Date.parse('2025-10-22T23:30:00Z'), // already Thursday 23 Oct in Berlin
      slots: [],
      fromCache: true,
    });
    expect(Object.values(weekData).every((day) => day.length === 0)).to.equal(true);
    expect(weekMetadata).to.include({
      weekStart: '2025-10-20',
      weekEnd: '2025-10-26',
      timeZone: 'Europe/Berlin',
      isCurrentWeek: true,
      totalSlots: 0,
      fromCache: true,
    });
    expect(weekMetadata.fetchedAt).to.equal('2025-10-21T10:00:00.000Z');
    expect(weekMetadata.days.map((d) => d.dayName)).to.deep.equal([
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
    ]);
    expect(weekMetadata.days.filter((d) => d.isToday).map((d) => d.date)).to.deep.equal(['2025-10-23']);
    expect(weekMetadata.days.filter((d) => d.isPast).map((d) => d.date)).to.deep.equal([
      '2025-10-20',
      '2025-10-21',
      '2025-10-22',
    ]);
    // ICU versions differ on the comma: Chromium's 'Mon 20 Oct', WebKitGTK's 'Mon, 20 Oct'.
    expect(weekMetadata.days[0]!.label).to.match(/^Mon,? 20 Oct$/);
    expect(weekMetadata.days[0]!.short).to.match(/^Mon,? 20$/);
  });

  it('orders days from a Sunday week start', () => {
    const { weekMetadata } = buildWeek({
      ...base,
      weekStart: '2025-10-19',
      timeZone: 'UTC',
      now: Date.parse('2025-11-30T00:00:00Z'),
      slots: [],
    });
    expect(weekMetadata.days[0]).to.include({ date: '2025-10-19', dayName: 'sunday', isPast: true });
    expect(weekMetadata.isCurrentWeek).to.equal(false);
  });
});
