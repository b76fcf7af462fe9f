import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A computed coverage report, kept per unit and period so past periods remain for trends. */
@Entity('coverage_reports')
export class CoverageReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') unitId: string;
  @Column('date') periodFrom: string;
  @Column('date') periodTo: string;
  @Column('jsonb') result: Record<string, unknown>;
  @Column('text', { nullable: true }) jobId: string | null;
  @Column('timestamptz') computedAt: Date;
}
