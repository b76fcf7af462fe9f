import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REMINDER_KINDS = [
  'follow_up_due',
  'follow_up_overdue',
  'missed_doses',
  'supervision_ending',
  'enrollment_ending',
  'management_ending',
  'transfer_in',
  'conflict_cap',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const REMINDER_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/**
 * Something due for a person's responsible worker. Unique per (kind, subject, due date): however
 * often its job runs, a reminder is raised once. `facilityId` routes clinic reminders to the clinic.
 */
@Entity('reminders')
export class Reminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: ReminderKind;
  @Column('uuid') personId: string;
  @Column('uuid') subjectId: string;
  @Column('date') dueDate: string;
  @Column('text', { default: 'open' }) status: ReminderStatus;
  @Column('text') message: string;
  @Column('uuid', { nullable: true }) facilityId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) acknowledgedAt: Date | null;
  @Column('uuid', { nullable: true }) acknowledgedBy: string | null;
  @Column('timestamptz', { nullable: true }) resolvedAt: Date | null;
}
