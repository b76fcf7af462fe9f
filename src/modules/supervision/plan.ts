import { addDays, addYears, ageOn, type IsoDate } from '../../common/time/dates.js';

export const DEFAULT_INTERVAL_DAYS = 30;

/**
 * What a post-rehab term depends on: the kind of treatment that was completed and, for a compulsory
 * stay, its legal basis. An adult's compulsory treatment (18 or older when it was decided) is an
 * administrative measure; a minor's is ordered by a court (Law 73/2021/QH14 Art 33).
 */
export type PostRehabBasis = 'voluntary' | 'methadone' | 'administrative_measure' | 'court_decision';
export type CompulsoryBasis = Extract<PostRehabBasis, 'administrative_measure' | 'court_decision'>;

/** Post-rehab supervision terms as dated data, like the treatment terms (treatment-policy.ts). */
export interface PostRehabTermRule {
  id: string;
  source: string;
  effectiveFrom: IsoDate;
  effectiveTo?: IsoDate;
  bases: PostRehabBasis[];
  years: number;
}

const ART_40 = 'Law 73/2021/QH14 Art 40';

// Law 120/2025 may change these from 1 July 2026; until its text is checked they stay open-ended.
export const POST_REHAB_TERM_RULES: readonly PostRehabTermRule[] = [
  { id: 'L73-2021-art40-administrative', source: ART_40, effectiveFrom: '2022-01-01', bases: ['administrative_measure'], years: 2 },
  { id: 'L73-2021-art40-other', source: ART_40, effectiveFrom: '2022-01-01', bases: ['voluntary', 'methadone', 'court_decision'], years: 1 },
];

/** The legal basis of a compulsory stay, from the age on the day it was decided. */
export function compulsoryBasis(dateOfBirth: IsoDate, decidedOn: IsoDate): CompulsoryBasis {
  return ageOn(dateOfBirth, decidedOn) >= 18 ? 'administrative_measure' : 'court_decision';
}

export interface TermSource {
  type: 'community' | 'methadone' | 'facility';
  mode: 'voluntary' | 'compulsory' | null;
  /** Recorded when a compulsory stay starts; absent on stays recorded before it was (then derived from the age at the start). */
  legalBasis?: CompulsoryBasis | null;
  startDate: IsoDate;
}

export function postRehabBasis(source: TermSource, dateOfBirth: IsoDate): PostRehabBasis {
  if (source.type === 'methadone') return 'methadone';
  if (source.mode !== 'compulsory') return 'voluntary';
  return source.legalBasis ?? compulsoryBasis(dateOfBirth, source.startDate);
}

/**
 * The default post-rehab term (SPEC 6) for a supervision starting on `startDate`: the rule in force
 * then for the completed treatment's basis; 1 year without a source treatment.
 */
export function supervisionTerm(
  source: TermSource | null,
  dateOfBirth: IsoDate,
  startDate: IsoDate,
  rules: readonly PostRehabTermRule[] = POST_REHAB_TERM_RULES,
): { years: number; rule: string | null } {
  const basis = source ? postRehabBasis(source, dateOfBirth) : 'voluntary';
  const rule = rules.find(
    (r) => r.effectiveFrom <= startDate && (r.effectiveTo === undefined || startDate <= r.effectiveTo) && r.bases.includes(basis),
  );
  return rule ? { years: rule.years, rule: rule.id } : { years: 1, rule: null };
}

/** Last day of a term starting on `startDate`: startDate + term − 1 day. */
export function supervisionEndDate(startDate: IsoDate, termYears: number): IsoDate {
  return addDays(addYears(startDate, termYears), -1);
}

/**
 * Follow-up due dates: one every `intervalDays` from `startDate` up to `endDate`. The first falls
 * one interval after the start (the start itself is the day the person is handed over to the
 * commune, not a visit), then every interval while the date is on or before `endDate`. `after`
 * keeps only dates later than it (re-planning the future of a running supervision).
 */
export function planFollowUps(
  startDate: IsoDate,
  endDate: IsoDate,
  intervalDays: number,
  opts: { anchor?: IsoDate; after?: IsoDate } = {},
): IsoDate[] {
  if (!Number.isInteger(intervalDays) || intervalDays < 1) throw new RangeError('intervalDays must be a positive integer');
  const anchor = opts.anchor ?? startDate;
  const dues: IsoDate[] = [];
  for (let due = addDays(anchor, intervalDays); due <= endDate; due = addDays(due, intervalDays)) {
    if (opts.after === undefined || due > opts.after) dues.push(due);
  }
  return dues;
}
