import { randomInt } from 'node:crypto';
import { FieldCipher } from '../../src/common/crypto/field-cipher.js';
import type { Role } from '../../src/modules/users/user.entity.js';
import { admin, user, world, type TestUser, type World } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * For person-file tests: the small world of factories.ts with one user per role and place.
 * Commune workers at C1, C2 and QC; province officers of P and Q; clinic staff of P's methadone
 * clinic and facility staff of P's rehab facility.
 */
export interface PersonsCast {
  w: World;
  admin: TestUser;
  officerP: TestUser;
  officerQ: TestUser;
  workerC1: TestUser;
  workerC2: TestUser;
  workerQC: TestUser;
  clinicP: TestUser;
  rehabP: TestUser;
}

export async function personsCast(t: TestApp): Promise<PersonsCast> {
  const w = await world(t);
  return {
    w,
    admin: await admin(t),
    officerP: await user(t, 'province_officer', w.p),
    officerQ: await user(t, 'province_officer', w.q),
    workerC1: await user(t, 'commune_worker', w.c1),
    workerC2: await user(t, 'commune_worker', w.c2),
    workerQC: await user(t, 'commune_worker', w.qc),
    clinicP: await user(t, 'clinic_staff', w.c1, w.clinicP),
    rehabP: await user(t, 'facility_staff', w.p, w.rehabP),
  };
}

export const ROLES_OF_CAST: Record<Exclude<keyof PersonsCast, 'w'>, Role> = {
  admin: 'admin',
  officerP: 'province_officer',
  officerQ: 'province_officer',
  workerC1: 'commune_worker',
  workerC2: 'commune_worker',
  workerQC: 'commune_worker',
  clinicP: 'clinic_staff',
  rehabP: 'facility_staff',
};

/** A national id nobody else in the run has (12 digits, first one not zero). */
export function nationalId(): string {
  return `${randomInt(1, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(0, 100)).padStart(2, '0')}`;
}

/** A valid body for POST /persons, with a fresh national id. */
export function personBody(residenceUnitId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: 'Nguyễn Văn An',
    dateOfBirth: '1990-05-03',
    sex: 'male',
    nationalId: nationalId(),
    residenceUnitId,
    address: 'Số 12, thôn Đông, xã Tân Lập',
    phone: '0912 345 678',
    status: 'using',
    substances: ['heroin'],
    registeredOn: '2025-03-01',
    managementDecisionOn: '2025-03-05',
    inDetention: false,
    ...extra,
  };
}

/** Creates a file through the API and fails loudly if it is refused. */
export async function createPerson(t: TestApp, token: string, residenceUnitId: string, extra: Record<string, unknown> = {}) {
  const res = await t.as(token).post('/api/v1/persons', personBody(residenceUnitId, extra));
  if (res.status !== 201) throw new Error(`person not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, any> & { id: string; caseCode: string; version: number };
}

/** Rows of other features, written directly (their own APIs are tested elsewhere). */
export async function enrollmentRow(
  t: TestApp,
  personId: string,
  e: { type: 'community' | 'methadone' | 'facility'; facilityId?: string; mode?: string; startDate: string; endDate?: string; outcome?: string },
): Promise<string> {
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO enrollments (person_id, type, mode, facility_id, start_date, end_date, outcome, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [personId, e.type, e.mode ?? null, e.facilityId ?? null, e.startDate, e.endDate ?? null, e.outcome ?? null, e.endDate ? 'ended' : 'active'],
  );
  return rows[0].id;
}

export async function serviceContactRow(t: TestApp, personId: string, type: string, date: string, notes: string | null = null): Promise<string> {
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO service_contacts (person_id, type, date, notes_cipher) VALUES ($1, $2, $3, $4) RETURNING id`,
    [personId, type, date, t.app.get(FieldCipher).encryptOptional(notes)],
  );
  return rows[0].id;
}

export async function supervisionRow(
  t: TestApp,
  personId: string,
  s: { startDate: string; endDate: string; endedOn?: string; outcome?: string },
): Promise<string> {
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO supervisions (person_id, start_date, end_date, status, outcome, ended_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [personId, s.startDate, s.endDate, s.endedOn ? 'ended' : 'active', s.outcome ?? null, s.endedOn ?? null],
  );
  return rows[0].id;
}

export async function visitRow(
  t: TestApp,
  supervisionId: string,
  v: { visitDate: string; method: string; drugTest: string; relapse?: boolean; notes?: string },
): Promise<string> {
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO visits (supervision_id, visit_date, method, drug_test, relapse, notes_cipher) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [supervisionId, v.visitDate, v.method, v.drugTest, v.relapse ?? false, t.app.get(FieldCipher).encryptOptional(v.notes)],
  );
  return rows[0].id;
}
