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

  it('puts the post-rehab file 3 working days after the certificate and the decision 2 more (Decree 116/2021 Arts 77-78)', () => {
    // Certificate on Thursday 5 March 2026: Fri 6, Mon 9, Tue 10; then Wed 11, Thu 12.
    const file = addWorkingDays('2026-03-05', 3, new Set());
    expect(file).toBe('2026-03-10');
    expect(addWorkingDays(file, 2, new Set())).toBe('2026-03-12');
    // A certificate just before Tết 2026: the days off do not count.
    expect(addWorkingDays('2026-02-12', 3, tet2026)).toBe('2026-02-24');
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => addWorkingDays('2026-03-05', 0, new Set())).toThrow(RangeError);
  });
});
