import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** `detention`: addiction treatment given by a pretrial detention or holding facility to a person held there. */
export const ENROLLMENT_TYPES = ['community', 'methadone', 'facility', 'detention'] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];
export const ENROLLMENT_MODES = ['voluntary', 'compulsory'] as const;
export type EnrollmentMode = (typeof ENROLLMENT_MODES)[number];
export const ENROLLMENT_OUTCOMES = ['completed', 'dropped_out', 'transferred', 'relapsed', 'deceased', 'other'] as const;
export type EnrollmentOutcome = (typeof ENROLLMENT_OUTCOMES)[number];
export type EnrollmentStatus = 'active' | 'ended';

@Entity('enrollments')
export class Enrollment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('text') type: EnrollmentType;
  @Column('text', { nullable: true }) mode: EnrollmentMode | null;
  @Column('uuid', { nullable: true }) facilityId: string | null;
  @Column('date') startDate: string;
  @Column('date', { nullable: true }) plannedEndDate: string | null;
  @Column('date', { nullable: true }) endDate: string | null;
  @Column('text', { nullable: true }) outcome: EnrollmentOutcome | null;
  @Column('text', { default: 'active' }) status: EnrollmentStatus;
  @VersionColumn() version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
