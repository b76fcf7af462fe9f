import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedText } from '../../common/crypto/field-cipher.js';

export const VISIT_METHODS = ['home_visit', 'phone', 'office'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const DRUG_TESTS = ['negative', 'positive', 'not_done'] as const;
export type DrugTest = (typeof DRUG_TESTS)[number];

@Entity('visits')
export class Visit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') supervisionId: string;
  @Column('uuid', { nullable: true }) followUpId: string | null;
  @Column('date') visitDate: string;
  @Column('text') method: VisitMethod;
  @Column('text') drugTest: DrugTest;
  @Column('boolean', { default: false }) relapse: boolean;
  /** Free text, stored encrypted (`notes_cipher`). */
  @Column('bytea', { name: 'notes_cipher', nullable: true, transformer: encryptedText }) notes: string | null;
  @Column('uuid', { nullable: true }) recordedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
