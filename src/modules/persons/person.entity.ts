import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const PERSON_STATUSES = ['using', 'addicted'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
export const CLOSE_REASONS = ['moved_away', 'deceased', 'management_ended', 'detained', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * The management file (hồ sơ quản lý). National id, phone and address are stored encrypted
 * (AES-256-GCM); the national id also as an HMAC for exact lookup and uniqueness among open files.
 */
@Entity('persons')
export class Person {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') caseCode: string;
  @Column('text') fullName: string;
  /** Name and case code folded to lower case without diacritics, for search. */
  @Column('text', { select: false }) searchText: string;
  @Column('date') dateOfBirth: string;
  @Column('text') sex: Sex;
  @Column('bytea', { nullable: true, select: false }) nationalIdCipher: Buffer | null;
  @Column('bytea', { nullable: true, select: false }) nationalIdHash: Buffer | null;
  @Column('uuid') residenceUnitId: string;
  @Column('bytea', { nullable: true, select: false }) addressCipher: Buffer | null;
  @Column('bytea', { nullable: true, select: false }) phoneCipher: Buffer | null;
  @Column('text') status: PersonStatus;
  @Column('text', { array: true, default: () => "'{}'" }) substances: string[];
  @Column('date') registeredOn: string;
  @Column('date', { nullable: true }) managementDecisionOn: string | null;
  @Column('boolean', { default: false }) inDetention: boolean;
  @Column('date', { nullable: true }) closedOn: string | null;
  @Column('text', { nullable: true }) closeReason: CloseReason | null;
  @VersionColumn() version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
