import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** `detention`: addiction treatment given by a pretrial detention or holding facility to a person held there. */
export const ENROLLMENT_TYPES = ['community', 'methadone', 'facility', 'detention'] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];
export const ENROLLMENT_MODES = ['voluntary', 'compulsory'] as const;
export type EnrollmentMode = (typeof ENROLLMENT_MODES)[number];
export const ENROLLMENT_OUTCOMES = ['completed', 'dropped_out', 'transferred', 'relapsed', 'deceased', 'other'] as const;
export type EnrollmentOutcome = (typeof ENROLLMENT_OUTCOMES)[number];
export type EnrollmentStatus = 'active' | 'ended';
export const LEGAL_BASES = ['administrative_measure', 'court_decision'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

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
  /** Compulsory stays: an adult's is an administrative measure, a minor's a court decision (from the age at the decision). */
  @Column('text', { nullable: true }) legalBasis: LegalBasis | null;
  @Column('integer', { nullable: true }) ageAtDecision: number | null;
  /** The treatment decision: the person's application accepted (voluntary) or the court's (compulsory). */
  @Column('text', { nullable: true }) decisionNo: string | null;
  @Column('date', { nullable: true }) decisionOn: string | null;
  /** The completion certificate; it starts the post-rehab deadlines (Decree 116/2021 Arts 77-78). */
  @Column('text', { nullable: true }) certificateNo: string | null;
  @Column('date', { nullable: true }) certificateOn: string | null;
  /** The decision that allows completion before the legal minimum term. */
  @Column('text', { nullable: true }) earlyCompletionDecisionNo: string | null;
  @Column('date', { nullable: true }) earlyCompletionDecisionOn: string | null;
  @Column('date', { nullable: true }) postRehabFileDue: string | null;
  @Column('date', { nullable: true }) postRehabDecisionDue: string | null;
  /** Completed treatments known from paper files only (before this service, or elsewhere). */
  @Column('integer', { default: 0 }) priorCompletedOnPaper: number;
  @VersionColumn() version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
