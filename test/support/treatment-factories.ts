import { randomBytes } from 'node:crypto';
import type { Unit } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Person files for treatment, service and supervision tests, inserted with raw SQL (the persons
 * routes are tested on their own).
 */

let seq = 0;
const caseCode = () => `TR${process.pid % 1000}${(++seq).toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();

export interface TreatmentPerson {
  id: string;
  caseCode: string;
}

export async function person(
  t: TestApp,
  residence: Unit,
  opts: { dateOfBirth?: string; registeredOn?: string; closedOn?: string; status?: 'using' | 'addicted' } = {},
): Promise<TreatmentPerson> {
  const code = caseCode();
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO persons (case_code, full_name, search_text, date_of_birth, sex, residence_unit_id, status, registered_on, closed_on, close_reason)
     VALUES ($1, 'Tran Van Thu', lower($1), $2, 'male', $3, $4, $5, $6, $7) RETURNING id`,
    [
      code,
      opts.dateOfBirth ?? '1990-05-01',
      residence.id,
      opts.status ?? 'addicted',
      opts.registeredOn ?? '2024-01-01',
      opts.closedOn ?? null,
      opts.closedOn ? 'moved_away' : null,
    ],
  );
  return { id: rows[0].id, caseCode: code };
}

/** Audit rows of one entity, oldest first. */
export async function auditOf(t: TestApp, entity: string, entityId: string): Promise<{ action: string; fields: string[]; meta: unknown }[]> {
  return t.db.query(`SELECT action, fields, meta FROM audit_logs WHERE entity = $1 AND entity_id = $2 ORDER BY at, id`, [entity, entityId]);
}

/** 10:00 on a calendar date in the service's zone. */
export function at(t: TestApp, date: string): Date {
  return new Date(t.clock.startOf(date).getTime() + 10 * 3600_000);
}
