import { Injectable } from '@nestjs/common';
import { Access } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { addMonths } from '../../common/time/dates.js';
import { Clock } from '../../common/time/clock.js';
import { COVERAGE_TARGET, DETENTION_TARGET, DRUG_COMPLEX_SHARE, figuresOf, POST_REHAB_TARGET, type UnitFigures } from './coverage.arithmetic.js';
import { ReportsRepository, type ReportUnit } from './reports.repository.js';

/**
 * The indicators of a coverage report a trend can follow, each with its place in the stored
 * figures (`UnitFigures`) and, for a share, its target.
 */
const INDICATORS = {
  withFiles: { path: ['withFiles'] },
  reachedServices: { path: ['reachedServices'] },
  share: { path: ['share'], target: COVERAGE_TARGET },
  community: { path: ['byService', 'community'] },
  methadone: { path: ['byService', 'methadone'] },
  facility: { path: ['byService', 'facility'] },
  counseling: { path: ['byService', 'counseling'] },
  support: { path: ['byService', 'support'] },
  medical: { path: ['byService', 'medical'] },
  postRehabSupervised: { path: ['postRehab', 'supervised'] },
  postRehabSupported: { path: ['postRehab', 'supported'] },
  postRehabShare: { path: ['postRehab', 'share'], target: POST_REHAB_TARGET },
  detentionHeld: { path: ['detention', 'held'] },
  detentionTreated: { path: ['detention', 'treated'] },
  detentionShare: { path: ['detention', 'share'], target: DETENTION_TARGET },
  peopleWithFiles: { path: ['rates', 'peopleWithFiles'] },
  filesPer1000: { path: ['rates', 'filesPer1000'], target: DRUG_COMPLEX_SHARE * 1000 },
} as const satisfies Record<string, { path: string[]; target?: number }>;

export type TrendIndicator = keyof typeof INDICATORS;
export const TREND_INDICATORS = Object.keys(INDICATORS) as TrendIndicator[];

/** The value at `path` of a unit's figures (null where the report has none, e.g. rates without a population). */
function valueAt(figures: UnitFigures, path: readonly string[]): number | null {
  let v: unknown = figures;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : null;
}

@Injectable()
export class MonthlyTrends {
  constructor(
    private readonly repo: ReportsRepository,
    private readonly access: Access,
    private readonly clock: Clock,
  ) {}

  async trend(actor: Actor, q: { unitId: string; indicator: TrendIndicator; months: number; to?: string }) {
    const unit = await this.access.unit(actor, q.unitId);
    const { id, code, name, level } = (await this.repo.unit(unit.id)) as ReportUnit;
    const last = `${q.to ?? addMonths(this.clock.today(), -1).slice(0, 7)}-01`;
    const first = addMonths(last, -(q.months - 1));
    const def = INDICATORS[q.indicator];
    // One indicator per calendar month, from the monthly snapshots the monthly job stores (stored
    // reports whose period is a whole month), computed from their counts as the report does.
    const points = (await this.repo.monthlyCounts(unit.id, first, last)).map(({ month, counts }) => ({
      month,
      value: counts ? valueAt(figuresOf(counts), def.path) : null,
    }));
    return { unit: { id, code, name, level }, indicator: q.indicator, target: 'target' in def ? def.target : null, points };
  }
}
