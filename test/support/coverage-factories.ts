import { randomBytes } from 'node:crypto';
import { insertPerson } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * Raw inserts for coverage tests: people, enrollments, service contacts, supervisions and visits,
 * written straight to the tables so the report is tested apart from the write routes.
 */

let seq = 0;

export interface PersonInput {
  name: string;
  residenceUnitId: string;
  status: 'using' | 'addicted';
  registeredOn: string;
  closedOn?: string;
  closeReason?: 'moved_away' | 'deceased' | 'management_ended' | 'detained' | 'other';
  inDetention?: boolean;
}

export interface TestPerson {
  id: string;
  caseCode: string;
  fullName: string;
  residenceUnitId: string;
}

export async function person(t: TestApp, p: PersonInput): Promise<TestPerson> {
  const caseCode = `CV-${process.pid % 1000}-${++seq}-${randomBytes(2).toString('hex')}`;
  const id = await insertPerson(t.db, {
    caseCode,
    fullName: p.name,
    dateOfBirth: '1990-05-05',
    residenceUnitId: p.residenceUnitId,
    status: p.status,
    registeredOn: p.registeredOn,
    managementDecisionOn: p.status === 'using' ? p.registeredOn : null,
    inDetention: p.inDetention ?? false,
    closedOn: p.closedOn ?? null,
    closeReason: p.closedOn ? (p.closeReason ?? 'other') : null,
  });
  return { id, caseCode, fullName: p.name, residenceUnitId: p.residenceUnitId };
}

export async function enrollment(
  t: TestApp,
  personId: string,
  e: { type: 'community' | 'methadone' | 'facility' | 'detention'; facilityId?: string; startDate: string; endDate?: string },
): Promise<string> {
  const ended = e.endDate !== undefined;
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO enrollments (person_id, type, mode, facility_id, start_date, end_date, outcome, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      personId,
      e.type,
      e.type === 'facility' ? 'voluntary' : null,
      e.facilityId ?? null,
      e.startDate,
      e.endDate ?? null,
      ended ? 'completed' : null,
      ended ? 'ended' : 'active',
    ],
  );
  return rows[0].id;
}

export async function contact(
  t: TestApp,
  personId: string,
  type: 'counseling' | 'support' | 'medical' | 'vocational',
  date: string,
): Promise<void> {
  await t.db.query(`INSERT INTO service_contacts (person_id, type, date) VALUES ($1, $2, $3)`, [personId, type, date]);
}

export async function supervision(
  t: TestApp,
  personId: string,
  s: { startDate: string; endDate: string; endedOn?: string },
): Promise<string> {
  const ended = s.endedOn !== undefined;
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO supervisions (person_id, start_date, end_date, status, outcome, ended_on)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [personId, s.startDate, s.endDate, ended ? 'ended' : 'active', ended ? 'completed' : null, s.endedOn ?? null],
  );
  return rows[0].id;
}

export async function visit(t: TestApp, supervisionId: string, visitDate: string): Promise<void> {
  await t.db.query(
    `INSERT INTO visits (supervision_id, visit_date, method, drug_test) VALUES ($1, $2, 'home_visit', 'negative')`,
    [supervisionId, visitDate],
  );
}
