import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * The methadone dose prescribed for an enrollment from a day on. A change of dose is a new row:
 * the history is kept, never overwritten. The dose in force on a day is the latest row from on or
 * before it.
 */
@Entity('dose_prescriptions')
export class DosePrescription {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') enrollmentId: string;
  @Column('date') effectiveFrom: string;
  @Column('numeric', { precision: 7, scale: 2, transformer: numeric }) doseMg: number;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { nullable: true }) prescribedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
