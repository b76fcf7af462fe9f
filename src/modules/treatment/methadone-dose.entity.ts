import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const DOSE_STATUSES = ['taken', 'missed'] as const;
export type DoseStatus = (typeof DOSE_STATUSES)[number];
/** Why a dose was missed; a missed dose with a reason does not count towards self-termination. */
export const MISSED_REASONS = ['sick', 'hospitalised', 'detained', 'permitted_travel', 'other'] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One row per methadone enrollment and day; a second write for the same day updates it. */
@Entity('methadone_doses')
export class MethadoneDose {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') enrollmentId: string;
  @Column('date') date: string;
  @Column('numeric', { precision: 7, scale: 2, nullable: true, transformer: numeric }) doseMg: number | null;
  @Column('text') status: DoseStatus;
  @Column('text', { nullable: true }) missedReason: MissedReason | null;
  @Column('uuid', { nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
