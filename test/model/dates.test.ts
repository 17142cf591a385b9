import { expect } from '@open-wc/testing';
import {
  addDays,
  dateInZone,
  daysBetween,
  isIsoDate,
  isTimeZone,
  startOfWeek,
  weekDates,
} from '../../src/model/dates.js';
import { localDaysToUtcRange } from '../../src/model/zoned-range.js';

describe('model/dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2025-10-20')).to.equal(true);
    expect(isIsoDate('2024-02-29')).to.equal(true);
    expect(isIsoDate('2025-02-29')).to.equal(false);
    expect(isIsoDate('2025-10-2')).to.equal(false);
    expect(isIsoDate('20251020')).to.equal(false);
  });

  it('adds days across month, year and DST changes without drifting', () => {
    expect(addDays('2025-10-25', 1)).to.equal('2025-10-26');
    expect(addDays('2025-10-26', 1)).to.equal('2025-10-27');
    expect(addDays('2025-12-31', 1)).to.equal('2026-01-01');
    expect(addDays('2025-03-01', -1)).to.equal('2025-02-28');
    expect(daysBetween('2025-10-01', '2025-11-11')).to.equal(41);
  });

  it('finds the start of the week for Monday and Sunday starts', () => {
    expect(startOfWeek('2025-10-26', 1)).to.equal('2025-10-20'); // a Sunday belongs to the week before
    expect(startOfWeek('2025-10-26', 0)).to.equal('2025-10-26');
    expect(startOfWeek('2025-10-20', 1)).to.equal('2025-10-20');
    expect(startOfWeek('2025-10-22', 6)).to.equal('2025-10-18');
  });

  it('lists the seven distinct dates of a week that contains a DST change', () => {
    expect(weekDates('2025-10-20')).to.deep.equal([
      '2025-10-20',
      '2025-10-21',
      '2025-10-22',
      '2025-10-23',
      '2025-10-24',
      '2025-10-25',
      '2025-10-26',
    ]);
  });

  it('reads the local date of an instant in a given zone, not the machine zone', () => {
    const instant = Date.parse('2025-10-19T23:30:00Z');
    expect(dateInZone(instant, 'Europe/Berlin')).to.equal('2025-10-20');
    expect(dateInZone(instant, 'UTC')).to.equal('2025-10-19');
    expect(dateInZone(instant, 'America/Los_Angeles')).to.equal('2025-10-19');
  });

  it('turns local days into the UTC instants that cover them, honouring DST', () => {
    // Berlin is UTC+2 on 20 Oct and UTC+1 after 26 Oct 03:00.
    expect(localDaysToUtcRange('2025-10-20', '2025-10-26', 'Europe/Berlin')).to.deep.equal({
      start: '2025-10-19T22:00:00.000Z',
      end: '2025-10-26T22:59:59.999Z',
    });
    expect(localDaysToUtcRange('2025-03-09', '2025-03-09', 'America/New_York')).to.deep.equal({
      start: '2025-03-09T05:00:00.000Z',
      end: '2025-03-10T03:59:59.999Z',
    });
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).to.equal(true);
    expect(isTimeZone('Mars/Olympus')).to.equal(false);
    expect(isTimeZone('')).to.equal(false);
  });
});
