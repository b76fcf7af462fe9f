import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import type { PageQuery } from '../../common/http/paging.js';
import { pageOfRows, queryNamed } from '../../database/sql.js';

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
export interface TransferRequestRow {
  id: string;
  status: TransferStatus;
  origin: TransferOrigin;
  personId: string;
  fromUnitId: string;
  toUnitId: string;
  approverUnitId: string | null;
  reason: string | null;
  refusalReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  movedOn: string | null;
}

/** A request as a caller sees it: whether its sending and its receiving commune lie in the caller's area. */
export interface SeenTransferRequest extends TransferRequestRow {
  fromInScope: boolean;
  toInScope: boolean;
}

/** Which requests a caller sees (`shown`), and the caller's area on each end of a request (`from`, `to`). */
export interface TransferScope {
  shown: ScopePredicate;
  from: ScopePredicate;
  to: ScopePredicate;
}

const COLUMNS = `t.id, t.status, t.origin, t.person_id AS "personId", t.from_unit_id AS "fromUnitId", t.to_unit_id AS "toUnitId",
  t.approver_unit_id AS "approverUnitId", t.reason, t.refusal_reason AS "refusalReason", t.created_at AS "createdAt",
  t.decided_at AS "decidedAt", to_char(t.moved_on, 'YYYY-MM-DD') AS "movedOn"`;

/** Every statement on `transfer_requests` (the "today" list of `tasks` reads it under a grant). */
@Injectable()
export class TransfersRepository {
  /** A new pending request's id; undefined when one for this person and commune is pending already. */
  async insertPending(
    m: EntityManager,
    r: Pick<TransferRequestRow, 'personId' | 'fromUnitId' | 'toUnitId' | 'approverUnitId' | 'origin' | 'reason'> & { requestedBy: string },
  ): Promise<string | undefined> {
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO transfer_requests (person_id, from_unit_id, to_unit_id, approver_unit_id, origin, reason, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (person_id, to_unit_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [r.personId, r.fromUnitId, r.toUnitId, r.approverUnitId, r.origin, r.reason, r.requestedBy],
    );
    return inserted[0]?.id;
  }

  /** The pending request to move the person's file to the commune, if there is one. */
  async pendingId(m: EntityManager, personId: string, toUnitId: string): Promise<string | undefined> {
    const existing: { id: string }[] = await m.query(
      `SELECT id FROM transfer_requests WHERE person_id = $1 AND to_unit_id = $2 AND status = 'pending'`,
      [personId, toUnitId],
    );
    return existing[0]?.id;
  }

  /** A page of the requests the caller sees, newest first; `status` keeps those in that state. */
  page(m: EntityManager, scope: TransferScope, status: TransferStatus | undefined, query: PageQuery): Promise<[SeenTransferRequest[], number]> {
    const select = this.seen(scope, status ? ' AND t.status = :status' : '', { status });
    return pageOfRows<SeenTransferRequest>(m, { ...select, orderBy: 't.created_at DESC, t.id DESC' }, query);
  }

  /** One request, if the caller sees it. */
  async one(m: EntityManager, scope: TransferScope, id: string): Promise<SeenTransferRequest | undefined> {
    const { columns, from, params } = this.seen(scope, ' AND t.id = :id', { id });
    const [row] = await queryNamed<SeenTransferRequest>(m, `SELECT ${columns} ${from}`, params);
    return row;
  }

  /** The request, locked for a decision, if `approver` (the caller's area on the deciding unit) covers it. */
  async lockForDecision(m: EntityManager, id: string, approver: ScopePredicate): Promise<Pick<TransferRequestRow, 'personId' | 'fromUnitId' | 'toUnitId' | 'status'> | undefined> {
    const [row] = await queryNamed<Pick<TransferRequestRow, 'personId' | 'fromUnitId' | 'toUnitId' | 'status'>>(
      m,
      `SELECT t.person_id AS "personId", t.from_unit_id AS "fromUnitId", t.to_unit_id AS "toUnitId", t.status
         FROM transfer_requests t WHERE t.id = :id AND ${approver.sql} FOR UPDATE OF t`,
      { id, ...approver.params },
    );
    return row;
  }

  async accept(m: EntityManager, id: string, decidedBy: string, movedOn: string): Promise<void> {
    await m.query(`UPDATE transfer_requests SET status = 'accepted', decided_by = $2, decided_at = now(), moved_on = $3 WHERE id = $1`, [id, decidedBy, movedOn]);
  }

  async refuse(m: EntityManager, id: string, decidedBy: string, reason: string): Promise<void> {
    await m.query(`UPDATE transfer_requests SET status = 'refused', decided_by = $2, decided_at = now(), refusal_reason = $3 WHERE id = $1`, [id, decidedBy, reason]);
  }

  private seen(scope: TransferScope, where: string, params: Record<string, unknown>) {
    return {
      columns: `${COLUMNS}, (${scope.from.sql}) AS "fromInScope", (${scope.to.sql}) AS "toInScope"`,
      from: `FROM transfer_requests t WHERE (${scope.shown.sql})${where}`,
      params: { ...scope.shown.params, ...scope.from.params, ...scope.to.params, ...params },
    };
  }
}
