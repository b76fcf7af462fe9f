import { addWorkingDays, isWorkingDay } from './working-days.js';

describe('working days', () => {
  const tet2026 = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);

  it('excludes Saturdays, Sundays and public holidays', () => {
    expect(isWorkingDay('2026-03-06', new Set())).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', new Set())).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', new Set())).toBe(false); // Sunday
    expect(isWorkingDay('2026-02-17', tet2026)).toBe(false); // Tết
    expect(isWorkingDay('2026-02-23', tet2026)).toBe(true);
  });

  it('counts the n-th working day after a date, skipping weekends and holidays', () => {
    expect(addWorkingDays('2026-03-05', 3, new Set())).toBe('2026-03-10'); // Thursday: Fri, Mon, Tue
    expect(addWorkingDays('2026-02-12', 3, tet2026)).toBe('2026-02-24'); // over Tết 2026
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => addWorkingDays('2026-03-05', 0, new Set())).toThrow(RangeError);
  });
});
