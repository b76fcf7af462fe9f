import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RowError } from './person-rows.js';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One uploaded register and what its job made of it. Belongs to the user who uploaded it. */
@Entity('imports')
export class Import {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: 'persons';
  @Column('uuid') createdBy: string;
  @Column('text') status: ImportStatus;
  @Column('boolean', { default: false }) dryRun: boolean;
  @Column('text') fileName: string;
  @Column('text') fileFormat: 'xlsx' | 'csv';
  @Column('integer') fileSize: number;
  /** The upload, until the job has finished with it. */
  @Column('bytea', { nullable: true, select: false }) fileBytes: Buffer | null;
  /** The header row as written in the file, for the error report. */
  @Column('text', { array: true, nullable: true }) headers: string[] | null;
  @Column('integer', { nullable: true }) headerRow: number | null;
  @Column('integer', { nullable: true }) totalRows: number | null;
  @Column('integer', { default: 0 }) processedRows: number;
  /** Batches committed; a retried job resumes after them. */
  @Column('integer', { default: 0 }) batchesDone: number;
  @Column('integer', { default: 0 }) createdCount: number;
  @Column('integer', { default: 0 }) updatedCount: number;
  @Column('integer', { default: 0 }) unchangedCount: number;
  @Column('integer', { default: 0 }) rejectedCount: number;
  /** Problems with the file as a whole (unreadable, missing columns): the import failed. */
  @Column('jsonb', { default: () => "'[]'" }) fileErrors: RowError[];
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { nullable: true }) requestId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { nullable: true }) finishedAt: Date | null;
}

/** A rejected row: its reasons (no values) and its original values, encrypted. */
@Entity('import_rejections')
export class ImportRejection {
  @PrimaryColumn('uuid') importId: string;
  @PrimaryColumn('integer') rowNumber: number;
  @Column('jsonb') errors: Omit<RowError, 'row'>[];
  @Column('bytea', { select: false }) valuesCipher: Buffer;
}
