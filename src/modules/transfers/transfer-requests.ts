import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { TransferOrigin } from './transfer-request.entity.js';

/** Writes transfer requests; used by the routes and by the recording of national-id conflicts. */
@Injectable()
export class TransferRequests {
  constructor(private readonly audit: AuditService) {}

  /**
   * Raises (or joins) the pending request to move the person's open file to `toUnitId`, inside the
   * caller's transaction. Null when there is nothing to move (the file is closed or already there).
   */
  async raise(
    m: EntityManager,
    actor: Actor,
    r: { personId: string; toUnitId: string; origin: TransferOrigin; reason: string | null },
  ): Promise<string | null> {
    const rows: { residence_unit_id: string; closed_on: string | null; to_level: string | null }[] = await m.query(
      `SELECT p.residence_unit_id, p.closed_on, (SELECT level FROM admin_units WHERE id = $2) AS to_level FROM persons p WHERE p.id = $1`,
      [r.personId, r.toUnitId],
    );
    const p = rows[0];
    if (!p || p.closed_on || p.residence_unit_id === r.toUnitId || p.to_level !== 'commune') return null;
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO transfer_requests (person_id, from_unit_id, to_unit_id, approver_unit_id, origin, reason, requested_by)
       VALUES ($1, $2, $3, (${APPROVER_SQL}), $4, $5, $6)
       ON CONFLICT (person_id, to_unit_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [r.personId, p.residence_unit_id, r.toUnitId, r.origin, r.reason, actor.id],
    );
    if (inserted[0]) {
      await this.audit.record(
        actor,
        { action: 'create', entity: 'transfer_request', entityId: inserted[0].id, meta: { personId: r.personId, origin: r.origin } },
        m,
      );
      return inserted[0].id;
    }
    const existing: { id: string }[] = await m.query(
      `SELECT id FROM transfer_requests WHERE person_id = $1 AND to_unit_id = $2 AND status = 'pending'`,
      [r.personId, r.toUnitId],
    );
    return existing[0]?.id ?? null;
  }
}

/**
 * $2 the receiving commune and the person's residence (from the row being inserted): the deepest
 * unit whose subtree holds both, by materialized path.
 */
const APPROVER_SQL = `
  SELECT a.id FROM admin_units a, admin_units f, admin_units t
   WHERE f.id = $2 AND t.id = $3 AND f.path LIKE a.path || '%' AND t.path LIKE a.path || '%'
   ORDER BY length(a.path) DESC LIMIT 1`;
