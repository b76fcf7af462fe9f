import { ViewColumn, ViewEntity } from 'typeorm';

/**
 * A stored coverage report, kept per unit and period so past periods remain for trends: the view
 * over coverage_runs and coverage_counts (the newest run that reported the unit; its figures are
 * that run's counts, see reports.repository.ts).
 */
@ViewEntity('coverage_reports')
export class CoverageReport {
  @ViewColumn() unitId: string;
  @ViewColumn() periodFrom: string;
  @ViewColumn() periodTo: string;
  @ViewColumn() runId: string;
  @ViewColumn() jobId: string | null;
  @ViewColumn() computedAt: Date;
}
