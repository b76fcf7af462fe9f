import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const PERSON_EVENT_KINDS = ['registered', 'status_changed', 'management_decision', 'moved', 'closed', 'updated', 'merged'] as const;
export type PersonEventKind = (typeof PERSON_EVENT_KINDS)[number];

/** The history of a file: what changed and when. `data` holds codes and ids, not free text. */
@Entity('person_events')
export class PersonEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('text') kind: PersonEventKind;
  @Column('date') eventDate: string;
  @Column('jsonb', { default: () => "'{}'" }) data: Record<string, unknown>;
  @Column('uuid', { nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) recordedAt: Date;
}
