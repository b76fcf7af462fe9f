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
});
