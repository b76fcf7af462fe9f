import { addWorkingDays } from '../../common/time/working-days.js';
import {
  allowedPlannedEnd,
  earlyCompletionViolation,
  LAW_2021,
  plannedEndViolation,
  postRehabDeadlineRuleOn,
  ruleFor,
  selfTerminationHolds,
  selfTerminationRuleOn,
  TERM_RULES,
  type TermFacts,
} from './treatment-policy.js';

const adult = '1990-05-01';
const minor = '2010-05-01';
const facts = (f: Partial<TermFacts>): TermFacts => ({
  type: 'facility',
  mode: 'compulsory',
  startDate: '2025-03-01',
  dateOfBirth: adult,
  repeat: false,
  ...f,
});

describe('treatment term policy', () => {
  it('applies Law 73/2021 until 30 June 2026 and Law 120/2025 from 1 July 2026', () => {
    expect(ruleFor(facts({ startDate: '2026-06-30' }))?.id).toBe('L73-2021-compulsory-adult');
    expect(ruleFor(facts({ startDate: '2026-07-01' }))?.id).toBe('L120-2025-first');
    expect(ruleFor(facts({ startDate: '2026-07-01', repeat: true }))?.id).toBe('L120-2025-repeat');
  });

  it('distinguishes voluntary, adult compulsory and minor compulsory terms under Law 73/2021', () => {
    expect(ruleFor(facts({ mode: 'voluntary' }))?.id).toBe('L73-2021-voluntary');
    expect(ruleFor(facts({ type: 'community', mode: 'voluntary' }))?.id).toBe('L73-2021-voluntary');
    expect(ruleFor(facts({ dateOfBirth: minor }))?.id).toBe('L73-2021-compulsory-minor');
    // 18 on the start date is adult.
    expect(ruleFor(facts({ dateOfBirth: '2007-03-01' }))?.id).toBe('L73-2021-compulsory-adult');
    expect(ruleFor(facts({ dateOfBirth: '2007-03-02' }))?.id).toBe('L73-2021-compulsory-minor');
  });

  it('does not govern methadone, nor starts before 2022', () => {
    expect(ruleFor(facts({ type: 'methadone', mode: null }))).toBeUndefined();
    expect(ruleFor(facts({ startDate: '2021-12-31' }))).toBeUndefined();
  });

  it('allows the planned end between start + min months − 1 day and start + max months', () => {
    const rule = TERM_RULES.find((r) => r.id === 'L73-2021-compulsory-adult')!;
    expect(allowedPlannedEnd(rule, '2025-03-01')).toEqual({ earliest: '2026-02-28', latest: '2027-03-01' });
  });

  it('accepts a 12-month compulsory stay of an adult in 2025 and refuses it after 1 July 2026', () => {
    expect(plannedEndViolation(facts({ startDate: '2025-03-01' }), '2026-02-28')).toBeUndefined();
    expect(plannedEndViolation(facts({ startDate: '2025-03-01' }), '2026-03-01')).toBeUndefined();
    const refused = plannedEndViolation(facts({ startDate: '2026-08-01' }), '2027-07-31');
    expect(refused).toBe(
      'a term of 24 months applies (rule L120-2025-first, Law 120/2025/QH15, ' +
        'in force on 2026-08-01): the planned end must fall between 2028-07-31 and 2028-08-01',
    );
    expect(plannedEndViolation(facts({ startDate: '2026-08-01' }), '2028-07-31')).toBeUndefined();
  });

  it('holds a minor to 6-12 months of compulsory treatment in 2025', () => {
    expect(plannedEndViolation(facts({ dateOfBirth: minor }), '2026-02-28')).toBeUndefined();
    expect(plannedEndViolation(facts({ dateOfBirth: minor }), '2026-08-31')).toMatch(/rule L73-2021-compulsory-minor, Law 73\/2021/);
    expect(plannedEndViolation(facts({ dateOfBirth: minor }), '2025-08-30')).toMatch(/between 2025-08-31 and 2026-03-01/);
  });

  it('holds a repeat treatment after July 2026 to 36 months', () => {
    const f = facts({ type: 'community', mode: 'voluntary', startDate: '2026-09-10', repeat: true });
    expect(plannedEndViolation(f, '2029-09-09')).toBeUndefined();
    expect(plannedEndViolation(f, '2028-09-09')).toMatch(/36 months.*L120-2025-repeat/);
  });
});

describe('citation', () => {
  it('cites Law 73/2021/QH14, passed by the 14th National Assembly', () => {
    expect(LAW_2021).toContain('Law 73/2021/QH14');
    expect(TERM_RULES.filter((r) => r.id.startsWith('L73')).every((r) => r.source.includes('73/2021/QH14'))).toBe(true);
    expect(JSON.stringify(TERM_RULES)).not.toContain('73/2021/QH15');
  });
});

describe('self-termination (Decree 116/2021 Art 3(5))', () => {
  const rule = selfTerminationRuleOn('2026-03-10');

  it('is in force from 2022 with 5 working days or 10 sessions, its source named', () => {
    expect(rule).toMatchObject({ id: 'D116-2021-art3-5', source: 'Decree 116/2021/ND-CP Art 3(5)', workingDays: 5, sessions: 10 });
    expect(selfTerminationRuleOn('2021-12-31')).toBeUndefined();
  });

  it('holds from 5 working days or 10 sessions absent without a reason, not before', () => {
    expect(selfTerminationHolds({ sessions: 5, workingDays: 3 }, rule)).toBe(false); // Thursday to Monday
    expect(selfTerminationHolds({ sessions: 7, workingDays: 5 }, rule)).toBe(true);
    expect(selfTerminationHolds({ sessions: 9, workingDays: 0 }, rule)).toBe(false); // Tết
    expect(selfTerminationHolds({ sessions: 10, workingDays: 1 }, rule)).toBe(true);
    expect(selfTerminationHolds({ sessions: 30, workingDays: 20 }, undefined)).toBe(false);
  });
});

describe('early completion (Law 73/2021/QH14: the legal minimum term)', () => {
  it('needs a decision to complete before the last day of the minimum term', () => {
    // An adult's compulsory stay from 2025-03-01: minimum 12 months, last day 2026-02-28.
    expect(earlyCompletionViolation(facts({}), '2026-02-28')).toBeUndefined();
    expect(earlyCompletionViolation(facts({}), '2025-05-01')).toBe(
      'completing before the legal minimum term of 12 months (rule L73-2021-compulsory-adult, ' +
        'Law 73/2021/QH14 on Drug Prevention and Control and Decree 116/2021/ND-CP, in force on 2025-03-01) needs the decision ' +
        'that allows it: give earlyCompletionDecisionNo and earlyCompletionDecisionOn, or end on or after 2026-02-28',
    );
  });

  it('holds a 24-month term under Law 120/2025 to 24 months: 2 months in is early', () => {
    expect(earlyCompletionViolation(facts({ startDate: '2026-08-01' }), '2026-10-01')).toMatch(/24 months \(rule L120-2025-first/);
  });

  it('does not govern methadone', () => {
    expect(earlyCompletionViolation(facts({ type: 'methadone', mode: null }), '2025-03-02')).toBeUndefined();
  });
});

describe('post-rehab deadlines (Decree 116/2021 Arts 77-78)', () => {
  it('puts the post-rehab file 3 working days after the certificate and the decision 2 more', () => {
    const rule = postRehabDeadlineRuleOn('2026-03-05')!;
    expect(rule).toMatchObject({ id: 'D116-2021-arts77-78', source: 'Decree 116/2021/ND-CP Arts 77-78', fileWorkingDays: 3, decisionWorkingDays: 2 });
    expect(postRehabDeadlineRuleOn('2021-12-31')).toBeUndefined();
    // Certificate on Thursday 5 March 2026: Fri 6, Mon 9, Tue 10; then Wed 11, Thu 12.
    const file = addWorkingDays('2026-03-05', rule.fileWorkingDays, new Set());
    expect(file).toBe('2026-03-10');
    expect(addWorkingDays(file, rule.decisionWorkingDays, new Set())).toBe('2026-03-12');
    // A certificate just before Tết 2026: the days off do not count.
    const tet = new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(addWorkingDays('2026-02-12', rule.fileWorkingDays, tet)).toBe('2026-02-24');
  });
});
