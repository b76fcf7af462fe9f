import type { EntityManager } from 'typeorm';
import type { FacilityType } from './roles.js';
import type { Actor } from '../auth/actor.js';
import { AppError, ErrorCode, invalid } from '../errors/app-error.js';
import { unitPathInScope } from './scope.js';

/**
 * The facility a caller may credit work to (a service contact, an enrollment): clinic and
 * facility staff only their own; commune workers (and province officers) a facility located in
 * their area; administrators any. A facility the caller may not act for is refused, naming the field.
 */
export async function facilityActedFor(m: EntityManager, actor: Actor, facilityId: string): Promise<{ type: FacilityType }> {
  const rows: { type: FacilityType; path: string }[] = await m.query(
    `SELECT f.type, u.path FROM facilities f JOIN admin_units u ON u.id = f.admin_unit_id WHERE f.id = $1`,
    [facilityId],
  );
  const f = rows[0];
  if (!f) throw invalid('facilityId', 'no such facility');
  if (actor.role === 'clinic_staff' || actor.role === 'facility_staff') {
    if (facilityId !== actor.facilityId) throw new AppError(ErrorCode.Forbidden, 'facilityId: staff act only for their own facility');
  } else if (!unitPathInScope(actor, f.path)) {
    throw invalid('facilityId', "is not a facility of the caller's area");
  }
  return { type: f.type };
}
