import { randomBytes } from 'node:crypto';
import { insertPerson, type Unit } from './factories.js';
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
  const id = await insertPerson(t.db, {
    caseCode: code,
    fullName: 'Tran Van Thu',
    searchText: code.toLowerCase(),
    dateOfBirth: opts.dateOfBirth ?? '1990-05-01',
    residenceUnitId: residence.id,
    status: opts.status ?? 'addicted',
    registeredOn: opts.registeredOn ?? '2024-01-01',
    closedOn: opts.closedOn ?? null,
    closeReason: opts.closedOn ? 'moved_away' : null,
  });
  return { id, caseCode: code };
}

/** Audit rows of one entity, oldest first. */
export async function auditOf(t: TestApp, entity: string, entityId: string): Promise<{ action: string; fields: string[]; meta: unknown }[]> {
  return t.db.query(`SELECT action, fields, meta FROM audit_logs WHERE entity = $1 AND entity_id = $2 ORDER BY at, id`, [entity, entityId]);
}

/** 10:00 on a calendar date in the service's zone. */
export function at(t: TestApp, date: string): Date {
  return new Date(t.clock.startOf(date).getTime() + 10 * 3600_000);
}
