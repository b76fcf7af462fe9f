import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const TRANSFER_STATUSES = ['pending', 'accepted', 'refused'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_ORIGINS = ['request', 'national_id_conflict'] as const;
export type TransferOrigin = (typeof TRANSFER_ORIGINS)[number];

/**
 * A request to move a file from the commune that holds it to another commune: asked by a worker of
 * the receiving commune, or raised when a national id written there is found open elsewhere.
 * Decided by an officer of `approverUnitId`, the smallest unit holding both communes (null when
 * none does: an administrator decides). Once accepted it stays as the sending commune's trace.
 */
@Entity('transfer_requests')
export class TransferRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') personId: string;
  @Column('uuid') fromUnitId: string;
  @Column('uuid') toUnitId: string;
  @Column('uuid', { nullable: true }) approverUnitId: string | null;
  @Column('text') origin: TransferOrigin;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { default: 'pending' }) status: TransferStatus;
  @Column('uuid', { nullable: true }) requestedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column('uuid', { nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { nullable: true }) decidedAt: Date | null;
  @Column('text', { nullable: true }) refusalReason: string | null;
  @Column('date', { nullable: true }) movedOn: string | null;
}
