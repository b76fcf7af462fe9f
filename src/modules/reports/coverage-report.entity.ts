import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A stored coverage report, kept per unit and period so past periods remain for trends; its figures
 * are the counts of its run (coverage_runs, coverage_counts: see reports.repository.ts).
 */
@Entity('coverage_reports')
export class CoverageReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') unitId: string;
  @Column('date') periodFrom: string;
  @Column('date') periodTo: string;
  @Column('uuid') runId: string;
  @Column('text', { nullable: true }) jobId: string | null;
  @Column('timestamptz') computedAt: Date;
}
