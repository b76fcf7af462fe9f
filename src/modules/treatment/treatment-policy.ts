import { addDays, addMonths, ageOn, type IsoDate } from '../../common/time/dates.js';
import type { EnrollmentMode, EnrollmentType } from './enrollment.entity.js';

/**
 * Legal terms of drug-addiction treatment, as dated data. The rule in force on an enrollment's
 * start date decides the planned end it may have. Changing the law means editing this list only.
 *
 * A term of N to M months means the planned end lies between start + N months − 1 day (the last
 * day of an N-month term) and start + M months (so both ways of counting a month are accepted).
 * Methadone maintenance therapy is not governed by these terms.
 */
export interface TermRule {
  id: string;
  source: string;
  effectiveFrom: IsoDate;
  /** Last day in force; open-ended when absent. */
  effectiveTo?: IsoDate;
  types: EnrollmentType[];
  /** Absent: any mode. */
  mode?: EnrollmentMode;
  /** Age on the start date; absent: any age. */
  age?: 'adult' | 'minor';
  /** 'repeat': the person had an earlier community or facility treatment; absent: either. */
  history?: 'first' | 'repeat';
  minMonths: number;
  maxMonths: number;
}

const LAW_2021 = 'Law 73/2021/QH15 on Drug Prevention and Control and Decree 116/2021/ND-CP';
// The figures of Law 120/2025 below are as reported before its entry into force (a fixed term of
// 24 months for a first treatment and 36 for a repeat, voluntary and compulsory alike); they must
// be checked against the published text and its implementing decree.
const LAW_2025 = 'Law 120/2025/QH15';

export const TERM_RULES: readonly TermRule[] = [
  {
    id: 'L73-2021-voluntary',
    source: LAW_2021,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2026-06-30',
    types: ['community', 'facility'],
    mode: 'voluntary',
    minMonths: 6,
    maxMonths: 12,
  },
  {
    id: 'L73-2021-compulsory-adult',
    source: LAW_2021,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2026-06-30',
    types: ['facility'],
    mode: 'compulsory',
    age: 'adult',
    minMonths: 12,
    maxMonths: 24,
  },
  {
    id: 'L73-2021-compulsory-minor',
    source: LAW_2021,
    effectiveFrom: '2022-01-01',
    effectiveTo: '2026-06-30',
    types: ['facility'],
    mode: 'compulsory',
    age: 'minor',
    minMonths: 6,
    maxMonths: 12,
  },
  {
    id: 'L120-2025-first',
    source: LAW_2025,
    effectiveFrom: '2026-07-01',
    types: ['community', 'facility'],
    history: 'first',
    minMonths: 24,
    maxMonths: 24,
  },
  {
    id: 'L120-2025-repeat',
    source: LAW_2025,
    effectiveFrom: '2026-07-01',
    types: ['community', 'facility'],
    history: 'repeat',
    minMonths: 36,
    maxMonths: 36,
  },
];

export interface TermFacts {
  type: EnrollmentType;
  mode: EnrollmentMode | null;
  startDate: IsoDate;
  dateOfBirth: IsoDate;
  /** The person had an earlier community or facility treatment. */
  repeat: boolean;
}

/** The rule in force on the start date that applies to these facts, or undefined (none governs). */
export function ruleFor(facts: TermFacts, rules: readonly TermRule[] = TERM_RULES): TermRule | undefined {
  const adult = ageOn(facts.dateOfBirth, facts.startDate) >= 18;
  return rules.find(
    (r) =>
      r.effectiveFrom <= facts.startDate &&
      (r.effectiveTo === undefined || facts.startDate <= r.effectiveTo) &&
      r.types.includes(facts.type) &&
      (r.mode === undefined || r.mode === facts.mode) &&
      (r.age === undefined || (r.age === 'adult') === adult) &&
      (r.history === undefined || (r.history === 'repeat') === facts.repeat),
  );
}

/** The planned end dates a rule allows for a start date, both inclusive. */
export function allowedPlannedEnd(rule: TermRule, startDate: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  return { earliest: addDays(addMonths(startDate, rule.minMonths), -1), latest: addMonths(startDate, rule.maxMonths) };
}

const months = (r: TermRule) => (r.minMonths === r.maxMonths ? `${r.minMonths} months` : `${r.minMonths}-${r.maxMonths} months`);

/** Undefined when the planned end complies; otherwise the reason, naming the rule and its source. */
export function plannedEndViolation(facts: TermFacts, plannedEndDate: IsoDate, rules: readonly TermRule[] = TERM_RULES): string | undefined {
  const rule = ruleFor(facts, rules);
  if (!rule) return undefined;
  const { earliest, latest } = allowedPlannedEnd(rule, facts.startDate);
  if (plannedEndDate >= earliest && plannedEndDate <= latest) return undefined;
  return (
    `a term of ${months(rule)} applies (rule ${rule.id}, ${rule.source}, in force on ${facts.startDate}): ` +
    `the planned end must fall between ${earliest} and ${latest}`
  );
}
