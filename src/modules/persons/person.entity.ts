import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const PERSON_STATUSES = ['using', 'addicted'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
/**
 * Why a file was closed. Management of a `using` person ends early (Law 73/2021/QH14 Art 23) when
 * the person is found addicted (a change of status, the file stays open), given education at the
 * commune (`commune_education`), sent to a reformatory (`reformatory`), imprisoned (`imprisoned`)
 * or dies (`deceased`).
 */
export const CLOSE_REASONS = [
  'moved_away',
  'deceased',
  'management_ended',
  'detained',
  'other',
  'commune_education',
  'reformatory',
  'imprisoned',
] as const;
/** Reasons a file is closed: those a caller may give, and `merged_into`, set only by a merge of duplicates. */
export const FILE_CLOSE_REASONS = [...CLOSE_REASONS, 'merged_into'] as const;
export type CloseReason = (typeof FILE_CLOSE_REASONS)[number];

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
  @Column('text', { nullable: true }) managementDecisionNo: string | null;
  @Column('boolean', { default: false }) inDetention: boolean;
  @Column('date', { nullable: true }) closedOn: string | null;
  @Column('text', { nullable: true }) closeReason: CloseReason | null;
  /** The file this one was merged into (closeReason `merged_into`): the same person's surviving file. */
  @Column('uuid', { nullable: true }) mergedIntoId: string | null;
  @VersionColumn() version: number;
  @Column('uuid', { nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
