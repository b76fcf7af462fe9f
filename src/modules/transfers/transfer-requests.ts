import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { TransfersRepository, type TransferOrigin } from './transfers.repository.js';

/** Writes transfer requests; used by the routes and by the recording of national-id conflicts. */
@Injectable()
export class TransferRequests {
  constructor(
    private readonly audit: AuditService,
    private readonly persons: PersonsRepository,
    private readonly units: AdminUnitsRepository,
    private readonly requests: TransfersRepository,
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
    const inserted = await this.requests.insertPending(m, {
      personId: r.personId,
      fromUnitId: p.residence_unit_id,
      toUnitId: r.toUnitId,
      approverUnitId,
      origin: r.origin,
      reason: r.reason,
      requestedBy: actor.id,
    });
    if (inserted) {
      await this.audit.record(actor, { action: 'create', entity: 'transfer_request', entityId: inserted, meta: { personId: r.personId, origin: r.origin } }, m);
      return inserted;
    }
    return (await this.requests.pendingId(m, r.personId, r.toUnitId)) ?? null;
  }
}
