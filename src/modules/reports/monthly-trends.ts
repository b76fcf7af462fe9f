import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Access } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { addMonths } from '../../common/time/dates.js';
import { Clock } from '../../common/time/clock.js';
import { COVERAGE_TARGET, DETENTION_TARGET, DRUG_COMPLEX_SHARE, POST_REHAB_TARGET } from './coverage.arithmetic.js';

/**
 * The indicators of a coverage report a trend can follow, each with its place in the stored
 * result (coverage_reports.result) and, for a share, its target.
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

/**
 * One indicator per calendar month, read from the monthly snapshots the monthly job stores
 * (coverage_reports rows whose period is a whole month). One indexed lookup per month on
 * (unit_id, period_from, period_to), and only the indicator leaves the database.
 */
export const TREND_SQL = `
SELECT to_char(m.month, 'YYYY-MM') AS month, (cr.result #>> $4::text[])::float8 AS value
  FROM generate_series($2::date, $3::date, interval '1 month') AS m(month)
  LEFT JOIN coverage_reports cr
    ON cr.unit_id = $1 AND cr.period_from = m.month::date AND cr.period_to = (m.month + interval '1 month - 1 day')::date
 ORDER BY m.month`;

@Injectable()
export class MonthlyTrends {
  constructor(
    private readonly db: DataSource,
    private readonly access: Access,
    private readonly clock: Clock,
  ) {}

  async trend(actor: Actor, q: { unitId: string; indicator: TrendIndicator; months: number; to?: string }) {
    const unit = await this.access.unit(actor, q.unitId);
    const [row]: { id: string; code: string; name: string; level: string }[] = await this.db.query(
      `SELECT id, code, name, level FROM admin_units WHERE id = $1`,
      [unit.id],
    );
    const last = `${q.to ?? addMonths(this.clock.today(), -1).slice(0, 7)}-01`;
    const first = addMonths(last, -(q.months - 1));
    const def = INDICATORS[q.indicator];
    const points: { month: string; value: number | null }[] = await this.db.query(TREND_SQL, [unit.id, first, last, def.path]);
    return { unit: row, indicator: q.indicator, target: 'target' in def ? def.target : null, points };
  }
}
