import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const SUPERVISION_OUTCOMES = ['completed', 'relapsed', 'moved_away', 'deceased', 'other'] as const;
export type SupervisionOutcome = (typeof SUPERVISION_OUTCOMES)[number];
export type SupervisionStatus = 'active' | 'ended';

/** Post-rehab supervision (quản lý sau cai): at most one active per person. */
@Entity('supervisions')
export class Supervision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('uuid', { nullable: true }) sourceEnrollmentId: string | null;
  @Column('date') startDate: string;
  @Column('date') endDate: string;
  @Column('integer', { default: 30 }) intervalDays: number;
  @Column('uuid', { nullable: true }) supervisorUserId: string | null;
  @Column('text', { default: 'active' }) status: SupervisionStatus;
  @Column('text', { nullable: true }) outcome: SupervisionOutcome | null;
  @Column('date', { nullable: true }) endedOn: string | null;
  /** The post-rehab management decision (Decree 116/2021 Art 78), once made. */
  @Column('text', { nullable: true }) decisionNo: string | null;
  @Column('date', { nullable: true }) decisionOn: string | null;
  /** The dated rule that set the default term (plan.ts), or null when the end date was given. */
  @Column('text', { nullable: true }) termRule: string | null;
  @VersionColumn() version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
