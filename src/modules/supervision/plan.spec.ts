import { planFollowUps, supervisionEndDate, supervisionTerm } from './plan.js';

describe('supervision term', () => {
  it('is 2 years after a compulsory facility stay of a person 18 or older at its end', () => {
    expect(supervisionTerm({ type: 'facility', mode: 'compulsory', endDate: '2026-03-31' }, '2000-01-15')).toBe(2);
  });

  it('counts the age on the end date: turning 18 on that day is adult', () => {
    expect(supervisionTerm({ type: 'facility', mode: 'compulsory', endDate: '2026-03-31' }, '2008-03-31')).toBe(2);
    expect(supervisionTerm({ type: 'facility', mode: 'compulsory', endDate: '2026-03-30' }, '2008-03-31')).toBe(1);
  });

  it('is 1 year after voluntary, community and methadone treatment, or without a source', () => {
    expect(supervisionTerm({ type: 'facility', mode: 'voluntary', endDate: '2026-03-31' }, '1990-01-01')).toBe(1);
    expect(supervisionTerm({ type: 'community', mode: 'voluntary', endDate: '2026-03-31' }, '1990-01-01')).toBe(1);
    expect(supervisionTerm({ type: 'methadone', mode: null, endDate: '2026-03-31' }, '1990-01-01')).toBe(1);
    expect(supervisionTerm(null, '1990-01-01')).toBe(1);
  });

  it('ends the day before the anniversary of its start', () => {
    expect(supervisionEndDate('2026-04-01', 1)).toBe('2027-03-31');
    expect(supervisionEndDate('2026-04-01', 2)).toBe('2028-03-31');
    expect(supervisionEndDate('2026-01-01', 1)).toBe('2026-12-31');
  });
});

describe('follow-up planning', () => {
  it('plans one every interval after the start, up to and including the end date', () => {
    expect(planFollowUps('2026-01-01', '2026-04-01', 30)).toEqual(['2026-01-31', '2026-03-02', '2026-04-01']);
    expect(planFollowUps('2026-01-01', '2026-03-31', 30)).toEqual(['2026-01-31', '2026-03-02']);
  });

  it('plans twelve monthly-ish follow-ups over a one-year term', () => {
    const dues = planFollowUps('2026-01-01', '2026-12-31', 30);
    expect(dues).toHaveLength(12);
    expect(dues[0]).toBe('2026-01-31');
    expect(dues[11]).toBe('2026-12-27');
  });

  it('plans nothing when the term is shorter than one interval', () => {
    expect(planFollowUps('2026-01-01', '2026-01-30', 30)).toEqual([]);
    expect(planFollowUps('2026-01-01', '2026-01-01', 1)).toEqual([]);
  });

  it('re-plans from an anchor, keeping only dates after a given day', () => {
    expect(planFollowUps('2026-01-01', '2026-03-15', 14, { anchor: '2026-01-31', after: '2026-02-20' })).toEqual([
      '2026-02-28',
      '2026-03-14',
    ]);
  });

  it('refuses an interval that is not a positive integer', () => {
    expect(() => planFollowUps('2026-01-01', '2026-12-31', 0)).toThrow(RangeError);
    expect(() => planFollowUps('2026-01-01', '2026-12-31', 1.5)).toThrow(RangeError);
  });
});
