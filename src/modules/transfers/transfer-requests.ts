import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import type { TransferOrigin } from './transfer-request.entity.js';

/** Writes transfer requests; used by the routes and by the recording of national-id conflicts. */
@Injectable()
export class TransferRequests {
  constructor(
    private readonly audit: AuditService,
    private readonly persons: PersonsRepository,
    private readonly units: AdminUnitsRepository,
  ) {}

  /**
   * Raises (or joins) the pending request to move the person's open file to `toUnitId`, inside the
   * caller's transaction. Null when there is nothing to move (the file is closed or already there).
   */
  async raise(
    m: EntityManager,
    actor: Actor,
    r: { personId: string; toUnitId: string; origin: TransferOrigin; reason: string | null },
  ): Promise<string | null> {
    const p = await this.persons.residenceOf(m, r.personId);
    const to = await this.units.findById(r.toUnitId, m);
    if (!p || p.closed_on || p.residence_unit_id === r.toUnitId || to?.level !== 'commune') return null;
    // The deepest unit whose subtree holds both the receiving commune and the person's residence.
    const approverUnitId = await this.units.deepestCommonAncestor(m, p.residence_unit_id, r.toUnitId);
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO transfer_requests (person_id, from_unit_id, to_unit_id, approver_unit_id, origin, reason, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (person_id, to_unit_id) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [r.personId, p.residence_unit_id, r.toUnitId, approverUnitId, r.origin, r.reason, actor.id],
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
