import { invalid } from '../../common/errors/app-error.js';
import { addDays, addMonths, addYears, type IsoDate } from '../../common/time/dates.js';

/**
 * The pure arithmetic of SPEC section 8: shares, targets, population rates and the shape of a
 * report. SQL counts the people (coverage.sql.ts); everything here works on those counts.
 */

export const COVERAGE_TARGET = 0.8;
export const POST_REHAB_TARGET = 0.9;
export const DETENTION_TARGET = 1.0;

/**
 * 2025 classification of drug-complex communes: one criterion is that the people with management
 * files reach 0.5% of the residents. We count people of either status (`using` and `addicted`)
 * whose file was open at the period's end, where they lived then.
 */
export const DRUG_COMPLEX_SHARE = 0.005;

/** The longest period a report may cover. */
export const MAX_PERIOD_YEARS = 5;

export const SERVICES = ['community', 'methadone', 'facility', 'counseling', 'support', 'medical'] as const;
export type Service = (typeof SERVICES)[number];

/**
 * part / whole, the exact ratio (SPEC 8: `share` = reachedServices / withFiles); 0 when the whole
 * is 0 (SPEC: share is 0 without people). Not rounded: reports carry the exact figure, and only the
 * CSV/XLSX export rounds it for people to read (coverage.export.ts).
 */
export function share(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return part / whole;
}

export interface PopulationRates {
  population: number;
  /** People of either status with a file open at the period's end. */
  peopleWithFiles: number;
  /** peopleWithFiles per 1,000 residents, exact (rounded only in the CSV/XLSX export). */
  filesPer1000: number;
  drugComplexThreshold: number;
  /** peopleWithFiles >= 0.5% of population (exact integer comparison, no rounding). */
  drugComplexCriterion: boolean;
}

/** Null when the unit has no known population (or a population of 0): no rate can be given. */
export function populationRates(peopleWithFiles: number, population: number | null): PopulationRates | null {
  if (population === null || population <= 0) return null;
  return {
    population,
    peopleWithFiles,
    filesPer1000: (peopleWithFiles * 1000) / population,
    drugComplexThreshold: DRUG_COMPLEX_SHARE,
    // files / population >= 5 / 1000, kept in integers so 5 of 1,000 is exactly at the threshold.
    drugComplexCriterion: peopleWithFiles * 1000 >= population * 5,
  };
}

/** The counts SQL returns for one unit (its whole subtree). */
export interface UnitCounts {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  population: number | null;
  withFiles: number;
  reached: number;
  community: number;
  methadone: number;
  facility: number;
  counseling: number;
  support: number;
  medical: number;
  supervised: number;
  supported: number;
  held: number;
  treated: number;
  peopleWithFiles: number;
}

export interface UnitFigures {
  unit: { id: string; code: string; name: string; level: string; population: number | null };
  withFiles: number;
  reachedServices: number;
  share: number;
  target: number;
  byService: Record<Service, number>;
  postRehab: { supervised: number; supported: number; share: number; target: number };
  detention: { held: number; treated: number; share: number; target: number };
  rates: PopulationRates | null;
}

export interface CoverageResult extends UnitFigures {
  unitId: string;
  from: IsoDate;
  to: IsoDate;
  /** The day residence, status, detention and open files were taken: the period's last day, or the day it was computed if earlier. */
  asOf: IsoDate;
  children: UnitFigures[];
}

export function figuresOf(c: UnitCounts): UnitFigures {
  return {
    unit: { id: c.id, code: c.code, name: c.name, level: c.level, population: c.population },
    withFiles: c.withFiles,
    reachedServices: c.reached,
    share: share(c.reached, c.withFiles),
    target: COVERAGE_TARGET,
    byService: {
      community: c.community,
      methadone: c.methadone,
      facility: c.facility,
      counseling: c.counseling,
      support: c.support,
      medical: c.medical,
    },
    postRehab: {
      supervised: c.supervised,
      supported: c.supported,
      share: share(c.supported, c.supervised),
      target: POST_REHAB_TARGET,
    },
    detention: { held: c.held, treated: c.treated, share: share(c.treated, c.held), target: DETENTION_TARGET },
    rates: populationRates(c.peopleWithFiles, c.population),
  };
}

/** A unit's report: its own figures and one entry per direct child, children ordered by name. */
export function assembleReport(
  unit: UnitCounts,
  children: UnitCounts[],
  period: { from: IsoDate; to: IsoDate; asOf: IsoDate },
): CoverageResult {
  const ordered = [...children].sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.code.localeCompare(b.code));
  return {
    unitId: unit.id,
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    ...figuresOf(unit),
    children: ordered.map(figuresOf),
  };
}

/** Domain checks on a period whose dates are already valid calendar dates. */
export function checkPeriod(from: IsoDate, to: IsoDate): void {
  if (to < from) throw invalid('to', 'must not be before from');
  if (to >= addYears(from, MAX_PERIOD_YEARS)) throw invalid('to', `the period may cover at most ${MAX_PERIOD_YEARS} years`);
}

/** The calendar month before the one `today` falls in. */
export function previousMonth(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  return { from: addMonths(firstOfThisMonth, -1), to: addDays(firstOfThisMonth, -1) };
}

/** A month given as `YYYY-MM`. */
export function monthPeriod(month: string): { from: IsoDate; to: IsoDate } {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}
