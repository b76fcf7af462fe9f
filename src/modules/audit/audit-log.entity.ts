import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: the database refuses UPDATE, DELETE and TRUNCATE on this table. */
@Entity('audit_logs')
export class AuditLog {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: number;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Column('text', { nullable: true }) actorRole: string | null;
  /** create, update, close, read, move, login, login_failed, logout, ... */
  @Column('text') action: string;
  @Column('text') entity: string;
  @Column('text', { nullable: true }) entityId: string | null;
  /** Names of the fields written; never their values. */
  @Column('text', { array: true, default: () => "'{}'" }) fields: string[];
  @Column('text', { nullable: true }) ip: string | null;
  @Column('text', { nullable: true }) requestId: string | null;
  /** Ids and counts only, never personal data. */
  @Column('jsonb', { nullable: true }) meta: Record<string, unknown> | null;
}
