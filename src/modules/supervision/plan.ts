import { addDays, addYears, ageOn, type IsoDate } from '../../common/time/dates.js';

/** Supervision after a compulsory facility stay of an adult lasts 2 years; every other case 1 year. */
export const ADULT_COMPULSORY_TERM_YEARS = 2;
export const DEFAULT_TERM_YEARS = 1;
export const DEFAULT_INTERVAL_DAYS = 30;

export interface TermSource {
  type: 'community' | 'methadone' | 'facility';
  mode: 'voluntary' | 'compulsory' | null;
  /** The day the treatment ended: age is reckoned on it. */
  endDate: IsoDate;
}

/** Default supervision term in years (SPEC 6): 2 after a compulsory facility stay of a person 18+ at its end, else 1. */
export function supervisionTerm(source: TermSource | null, dateOfBirth: IsoDate): number {
  if (source && source.type === 'facility' && source.mode === 'compulsory' && ageOn(dateOfBirth, source.endDate) >= 18) {
    return ADULT_COMPULSORY_TERM_YEARS;
  }
  return DEFAULT_TERM_YEARS;
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
