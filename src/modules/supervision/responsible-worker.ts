import type { EntityManager } from 'typeorm';
import { invalid } from '../../common/errors/app-error.js';

/**
 * Who answers for a person's supervision. The responsible worker is an active commune worker whose
 * area holds the person's residence commune. By default: a worker of the commune itself (where it
 * has none, of the nearest unit above it), the one with the fewest active supervisions, so a
 * commune's work is shared out; ties by username, so the choice is repeatable.
 */
export async function defaultSupervisor(m: EntityManager, personId: string): Promise<string | null> {
  const [row]: { id: string }[] = await m.query(
    `SELECT u.id
       FROM persons p
       JOIN admin_units r ON r.id = p.residence_unit_id
       JOIN users u ON u.active AND u.role = 'commune_worker'
       JOIN admin_units a ON a.id = u.admin_unit_id AND starts_with(r.path, a.path)
      WHERE p.id = $1
      ORDER BY length(a.path) DESC,
               (SELECT count(*) FROM supervisions s WHERE s.supervisor_user_id = u.id AND s.status = 'active'),
               u.username
      LIMIT 1`,
    [personId],
  );
  return row?.id ?? null;
}

/** A supervisor must be an active commune worker whose area holds the person's residence. */
export async function checkSupervisorFor(m: EntityManager, userId: string, personId: string): Promise<void> {
  const [row]: unknown[] = await m.query(
    `SELECT 1
       FROM users u
       JOIN admin_units a ON a.id = u.admin_unit_id
       JOIN persons p ON p.id = $2
       JOIN admin_units r ON r.id = p.residence_unit_id
      WHERE u.id = $1 AND u.active AND u.role = 'commune_worker' AND starts_with(r.path, a.path)`,
    [userId, personId],
  );
  if (!row) throw invalid('supervisorUserId', "must be an active commune worker whose area holds the person's residence");
}
