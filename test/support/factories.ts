import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditContext } from '../../src/common/auth/actor.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { Passwords } from '../../src/modules/users/passwords.js';
import type { FacilityType, Role } from '../../src/common/access/roles.js';
import type { TestApp } from './test-app.js';

export interface Unit {
  id: string;
  code: string;
  path: string;
}

let seq = 0;
const uniq = (prefix: string) => `${prefix}${process.pid % 1000}${(++seq).toString(36)}${randomBytes(2).toString('hex')}`;

/** Inserts a unit directly (the admin-units API is tested on its own). */
export async function unit(
  t: TestApp,
  level: 'province' | 'district' | 'commune',
  parent?: Unit,
  extra: { name?: string; population?: number; code?: string } = {},
): Promise<Unit> {
  const id = randomUUID();
  const path = `${parent?.path ?? ''}${id}/`;
  const code = extra.code ?? uniq(level[0].toUpperCase());
  await t.db.query(
    `INSERT INTO admin_units (id, code, name, level, parent_id, path, population) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, code, extra.name ?? `${level} ${code}`, level, parent?.id ?? null, path, extra.population ?? null],
  );
  return { id, code, path };
}

export async function facility(t: TestApp, type: FacilityType, at: Unit, code = uniq('F')): Promise<string> {
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO facilities (code, name, type, admin_unit_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [code, `facility ${code}`, type, at.id],
  );
  return rows[0].id;
}

/**
 * A small world: province P with district D (communes C1, C2) and commune C3 directly under P
 * (no district, as since 2025); province Q with commune QC. A methadone clinic and a rehab
 * facility in each province.
 */
export interface World {
  p: Unit;
  d: Unit;
  c1: Unit;
  c2: Unit;
  c3: Unit;
  q: Unit;
  qc: Unit;
  clinicP: string;
  rehabP: string;
  clinicQ: string;
  rehabQ: string;
}

export async function world(t: TestApp): Promise<World> {
  const p = await unit(t, 'province', undefined, { population: 1_000_000 });
  const d = await unit(t, 'district', p, { population: 200_000 });
  const c1 = await unit(t, 'commune', d, { population: 10_000 });
  const c2 = await unit(t, 'commune', d, { population: 8_000 });
  const c3 = await unit(t, 'commune', p, { population: 12_000 });
  const q = await unit(t, 'province', undefined, { population: 900_000 });
  const qc = await unit(t, 'commune', q, { population: 9_000 });
  return {
    p,
    d,
    c1,
    c2,
    c3,
    q,
    qc,
    clinicP: await facility(t, 'methadone_clinic', c1),
    rehabP: await facility(t, 'rehab_facility', p),
    clinicQ: await facility(t, 'methadone_clinic', qc),
    rehabQ: await facility(t, 'rehab_facility', q),
  };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  token: string;
  refreshToken: string;
}

const ctx: AuditContext = { id: null, role: null, ip: '127.0.0.1', requestId: null };

/** Creates a user directly and logs in through the real AuthService. */
export async function user(t: TestApp, role: Role, unitOf?: Unit | null, facilityId?: string): Promise<TestUser> {
  const username = uniq(role.replace(/_/g, '').slice(0, 6));
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const hash = await t.app.get(Passwords).hash(password);
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO users (username, password_hash, role, admin_unit_id, facility_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [username, hash, role, unitOf?.id ?? null, facilityId ?? null],
  );
  const pair = await t.app.get(AuthService).login(username, password, ctx);
  return { id: rows[0].id, username, password, token: pair.accessToken, refreshToken: pair.refreshToken };
}

/** The administrator created at start from ADMIN_USERNAME / ADMIN_PASSWORD. */
export async function admin(t: TestApp): Promise<TestUser> {
  const username = process.env.ADMIN_USERNAME!;
  const password = process.env.ADMIN_PASSWORD!;
  const pair = await t.app.get(AuthService).login(username, password, ctx);
  return { id: pair.user.id, username, password, token: pair.accessToken, refreshToken: pair.refreshToken };
}

/** The columns of a file row written straight to the table, for tests of what reads it. */
export interface PersonRowInput {
  caseCode: string;
  fullName: string;
  /** Default: the full name in lower case. */
  searchText?: string;
  dateOfBirth: string;
  residenceUnitId: string;
  status: 'using' | 'addicted';
  registeredOn: string;
  managementDecisionOn?: string | null;
  inDetention?: boolean;
  closedOn?: string | null;
  closeReason?: string | null;
}

/** Inserts a file row with raw SQL (the one person factory the others adapt) and answers its id. */
export async function insertPerson(db: { query(sql: string, params: unknown[]): Promise<{ id: string }[]> }, p: PersonRowInput): Promise<string> {
  const rows = await db.query(
    `INSERT INTO persons (case_code, full_name, search_text, date_of_birth, sex, residence_unit_id, status,
                          registered_on, management_decision_on, in_detention, closed_on, close_reason)
     VALUES ($1, $2, $3, $4, 'male', $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      p.caseCode,
      p.fullName,
      p.searchText ?? p.fullName.toLowerCase(),
      p.dateOfBirth,
      p.residenceUnitId,
      p.status,
      p.registeredOn,
      p.managementDecisionOn ?? null,
      p.inDetention ?? false,
      p.closedOn ?? null,
      p.closeReason ?? null,
    ],
  );
  return rows[0].id;
}
