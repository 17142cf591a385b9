import { expect } from '@open-wc/testing';
import { dateFormat, numberFormat } from '../../src/model/intl.js';

// Issue 18: ICU takes milliseconds to build a formatter, and views asked for one on every render.
describe('Intl formatters, built once', () => {
  it('hands out the same formatter for the same locale and options', () => {
    const options = { day: 'numeric', month: 'short', timeZone: 'UTC' } as const;
    expect(dateFormat('en-GB', options)).to.equal(dateFormat('en-GB', { ...options }));
    expect(numberFormat('de', { style: 'unit', unit: 'minute' })).to.equal(
      numberFormat('de', { style: 'unit', unit: 'minute' }),
    );
  });

  it('builds another for another locale, option or kind, and each formats as Intl does', () => {
    const at = Date.UTC(2025, 9, 22, 8);
    const clock = { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' } as const;
    const gb = dateFormat('en-GB', clock);
    const us = dateFormat('en-US', clock);
    const utc = dateFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    expect(new Set([gb, us, utc]).size).to.equal(3);
    expect(gb.format(at)).to.equal('10:00');
    expect(utc.format(at)).to.equal('08:00');
    expect(us.format(at)).to.equal(new Intl.DateTimeFormat('en-US', clock).format(at));
    expect(numberFormat('en', {}).format(1234.5)).to.equal('1,234.5');
  });

  it('throws, and keeps nothing, for what Intl refuses', () => {
    expect(() => dateFormat('en', { timeZone: 'Mars/Olympus' })).to.throw(RangeError);
    expect(() => dateFormat('en', { timeZone: 'Mars/Olympus' })).to.throw(RangeError);
  });
});
