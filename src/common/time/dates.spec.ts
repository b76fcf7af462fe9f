import { addDays, addMonths, addYears, ageOn, dateInZone, daysBetween, isIsoDate, startOfDateInZone } from './dates.js';

describe('calendar dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, clamping to the last day of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-01-31')).toBe(30);
    expect(daysBetween('2026-01-31', '2026-01-01')).toBe(-30);
  });

  it('computes age on a date, turning a year older on the birthday', () => {
    expect(ageOn('2008-07-01', '2026-06-30')).toBe(17);
    expect(ageOn('2008-07-01', '2026-07-01')).toBe(18);
  });

  it('reckons today in the service time zone', () => {
    // 2026-06-30 20:00 UTC is already 1 July in Hanoi (UTC+7).
    const instant = new Date('2026-06-30T20:00:00Z');
    expect(dateInZone(instant, 'Asia/Ho_Chi_Minh')).toBe('2026-07-01');
    expect(dateInZone(instant, 'UTC')).toBe('2026-06-30');
    expect(startOfDateInZone('2026-07-01', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-06-30T17:00:00.000Z');
  });

  it('keeps each zone its own offsets across daylight-saving changes, calls interleaved (formatters are cached per zone)', () => {
    const start = (date: string, zone: string) => startOfDateInZone(date, zone).toISOString();
    for (let round = 0; round < 2; round++) {
      // Berlin: CET (UTC+1) until 2026-03-29 02:00, CEST (UTC+2) until 2026-10-25 03:00.
      expect(start('2026-03-28', 'Europe/Berlin')).toBe('2026-03-27T23:00:00.000Z');
      expect(start('2026-07-01', 'Asia/Ho_Chi_Minh')).toBe('2026-06-30T17:00:00.000Z');
      expect(start('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
      expect(start('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
      // New York: EST (UTC-5) until 2026-03-08 02:00, then EDT (UTC-4).
      expect(start('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
      expect(start('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
      expect(start('2026-10-25', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
      expect(start('2026-10-26', 'Europe/Berlin')).toBe('2026-10-25T23:00:00.000Z');
      expect(start('2026-10-26', 'UTC')).toBe('2026-10-26T00:00:00.000Z');

      expect(dateInZone(new Date('2026-03-28T22:30:00Z'), 'Europe/Berlin')).toBe('2026-03-28'); // 23:30 CET
      expect(dateInZone(new Date('2026-03-29T22:30:00Z'), 'Europe/Berlin')).toBe('2026-03-30'); // 00:30 CEST
      expect(dateInZone(new Date('2026-03-29T22:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-30');
      expect(dateInZone(new Date('2026-03-29T22:30:00Z'), 'America/New_York')).toBe('2026-03-29');
      expect(dateInZone(new Date('2026-10-25T22:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25'); // 23:30 CET
    }
  });

  it('refuses an unknown zone every time', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => dateInZone(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
      expect(() => startOfDateInZone('2026-01-01', 'Mars/Olympus_Mons')).toThrow(RangeError);
    }
  });
});
