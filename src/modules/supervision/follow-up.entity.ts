import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const FOLLOW_UP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

@Entity('follow_ups')
export class FollowUp {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') supervisionId: string;
  @Column('date') dueDate: string;
  @Column('text', { default: 'scheduled' }) status: FollowUpStatus;
  @Column('uuid', { nullable: true }) visitId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
