import { compulsoryBasis, planFollowUps, POST_REHAB_TERM_RULES, supervisionEndDate, supervisionTerm, type TermSource } from './plan.js';

describe('post-rehab term (Law 73/2021/QH14 Art 40)', () => {
  const stay = (f: Partial<TermSource> = {}): TermSource => ({ type: 'facility', mode: 'compulsory', startDate: '2025-04-01', ...f });

  it('is 2 years after the administrative measure of compulsory treatment (an adult at the decision)', () => {
    expect(supervisionTerm(stay({ legalBasis: 'administrative_measure' }), '2000-01-15', '2026-04-01')).toEqual({
      years: 2,
      rule: 'L73-2021-art40-administrative',
    });
  });

  it("is 1 year after a minor's compulsory treatment (a court decision, Art 33), even when the person is 18 at its end", () => {
    // Committed at 17 (born 2008-03-31, decided 2025-04-01), finishing at 18: still a court decision.
    expect(compulsoryBasis('2008-03-31', '2025-04-01')).toBe('court_decision');
    expect(supervisionTerm(stay({ legalBasis: 'court_decision' }), '2008-03-31', '2026-04-01')).toEqual({ years: 1, rule: 'L73-2021-art40-other' });
  });

  it('takes the basis from the age at the decision: 18 on that day is an adult', () => {
    expect(compulsoryBasis('2007-04-01', '2025-04-01')).toBe('administrative_measure');
    expect(compulsoryBasis('2007-04-02', '2025-04-01')).toBe('court_decision');
  });

  it('derives the basis of a stay recorded without one from the age at its start', () => {
    expect(supervisionTerm(stay({ legalBasis: null }), '2000-01-15', '2026-04-01').years).toBe(2);
    expect(supervisionTerm(stay({ legalBasis: null }), '2008-03-31', '2026-04-01').years).toBe(1);
  });

  it('is 1 year after voluntary, community and methadone treatment, or without a source', () => {
    expect(supervisionTerm(stay({ mode: 'voluntary' }), '1990-01-01', '2026-04-01').years).toBe(1);
    expect(supervisionTerm(stay({ type: 'community', mode: 'voluntary' }), '1990-01-01', '2026-04-01').years).toBe(1);
    expect(supervisionTerm(stay({ type: 'methadone', mode: null }), '1990-01-01', '2026-04-01').years).toBe(1);
    expect(supervisionTerm(null, '1990-01-01', '2026-04-01').years).toBe(1);
  });

  it('is dated data: a rule that ends gives way to the next one', () => {
    const rules = [
      { ...POST_REHAB_TERM_RULES[0], effectiveTo: '2026-06-30' },
      { id: 'later', source: 'a later law', effectiveFrom: '2026-07-01', bases: ['administrative_measure' as const], years: 3 },
    ];
    const adult = stay({ legalBasis: 'administrative_measure' });
    expect(supervisionTerm(adult, '1990-01-01', '2026-06-30', rules)).toEqual({ years: 2, rule: 'L73-2021-art40-administrative' });
    expect(supervisionTerm(adult, '1990-01-01', '2026-07-01', rules)).toEqual({ years: 3, rule: 'later' });
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
