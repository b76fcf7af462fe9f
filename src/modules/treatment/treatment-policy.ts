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
  /** 'repeat': the person completed an earlier community or facility treatment; absent: either. */
  history?: 'first' | 'repeat';
  minMonths: number;
  maxMonths: number;
}

/** Law 73/2021 was passed by the 14th National Assembly: QH14. */
export const LAW_2021 = 'Law 73/2021/QH14 on Drug Prevention and Control and Decree 116/2021/ND-CP';
// The figures of Law 120/2025 below are as reported before its entry into force (a fixed term of
// 24 months for a first treatment and 36 for a repeat, voluntary and compulsory alike); they must
// be checked against the published text and its implementing decree.
export const LAW_2025 = 'Law 120/2025/QH15';

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
  /** The person completed an earlier community or facility treatment (here or on paper). */
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

/**
 * Early completion: a treatment ended as `completed` before the last day of its legal minimum term
 * needs the decision that allows it (its number and date). Undefined when no decision is needed;
 * otherwise the reason, naming the rule.
 */
export function earlyCompletionViolation(facts: TermFacts, endDate: IsoDate, rules: readonly TermRule[] = TERM_RULES): string | undefined {
  const rule = ruleFor(facts, rules);
  if (!rule) return undefined;
  const { earliest } = allowedPlannedEnd(rule, facts.startDate);
  if (endDate >= earliest) return undefined;
  return (
    `completing before the legal minimum term of ${rule.minMonths} months (rule ${rule.id}, ${rule.source}, in force on ` +
    `${facts.startDate}) needs the decision that allows it: give earlyCompletionDecisionNo and earlyCompletionDecisionOn, ` +
    `or end on or after ${earliest}`
  );
}

/**
 * Self-termination of treatment, as dated data: absent `workingDays` or more working days, or
 * `sessions` consecutive missed sessions, without a reason. A methadone dose is a daily session.
 */
export interface SelfTerminationRule {
  id: string;
  source: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  workingDays: number;
  sessions: number;
}

export const SELF_TERMINATION_RULES: readonly SelfTerminationRule[] = [
  { id: 'D116-2021-art3-5', source: 'Decree 116/2021/ND-CP Art 3(5)', effectiveFrom: '2022-01-01', workingDays: 5, sessions: 10 },
];

/** The self-termination rule in force on a day, or undefined. */
export function selfTerminationRuleOn(date: IsoDate, rules: readonly SelfTerminationRule[] = SELF_TERMINATION_RULES): SelfTerminationRule | undefined {
  return rules.find((r) => r.effectiveFrom <= date && (r.effectiveTo === undefined || date <= r.effectiveTo));
}

/** A run of absences without a reason: how many sessions, and how many of its days were working days. */
export interface UnexcusedAbsence {
  sessions: number;
  workingDays: number;
}

export function selfTerminationHolds(absence: UnexcusedAbsence, rule: SelfTerminationRule | undefined): boolean {
  return rule !== undefined && (absence.workingDays >= rule.workingDays || absence.sessions >= rule.sessions);
}

/**
 * Post-rehab deadlines, as dated data: the post-rehab file within `fileWorkingDays` working days of
 * the completion certificate, the management decision within `decisionWorkingDays` more.
 */
export interface PostRehabDeadlineRule {
  id: string;
  source: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  fileWorkingDays: number;
  decisionWorkingDays: number;
}

export const POST_REHAB_DEADLINE_RULES: readonly PostRehabDeadlineRule[] = [
  { id: 'D116-2021-arts77-78', source: 'Decree 116/2021/ND-CP Arts 77-78', effectiveFrom: '2022-01-01', fileWorkingDays: 3, decisionWorkingDays: 2 },
];

/** The deadline rule in force on the certificate's date, or undefined. */
export function postRehabDeadlineRuleOn(
  certificateOn: IsoDate,
  rules: readonly PostRehabDeadlineRule[] = POST_REHAB_DEADLINE_RULES,
): PostRehabDeadlineRule | undefined {
  return rules.find((r) => r.effectiveFrom <= certificateOn && (r.effectiveTo === undefined || certificateOn <= r.effectiveTo));
}
