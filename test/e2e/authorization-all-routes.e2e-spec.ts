import { randomUUID } from 'node:crypto';
import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { coverageJobId } from '../../src/modules/reports/coverage.jobs.js';
import { CoverageService } from '../../src/modules/reports/coverage.service.js';
import { ROLES, type Role } from '../../src/modules/users/user.entity.js';
import { admin, user, world, type TestUser, type Unit, type World } from '../support/factories.js';
import { upload, xlsx } from '../support/imports-factories.js';
import { createPerson, enrollmentRow, supervisionRow } from '../support/persons-factories.js';
import { at, person } from '../support/treatment-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

/**
 * The authorization matrix of every route outside the identity modules (those are in
 * identity-matrix.e2e-spec.ts): persons, enrollments and doses, services, supervisions, reminders,
 * coverage reports, monthly reports and trends, and imports. Every role is tried against a record in its scope ("own") and one
 * outside it ("other"), and on the routes it may not use.
 *
 * The expected statuses are transcribed from the documentation, not from the code: the "Roles" and
 * "API at a glance" tables of README.md and sections 1 and 9 of the product contract (SPEC.md):
 *
 * - A route the role may not use answers 403; a record outside the caller's scope answers 404, as if
 *   it did not exist. Creations answer 201, actions on a record (end, close, acknowledge) 200, a
 *   queued job 202.
 * - Scope: admin everything; province officers and commune workers the people living in their
 *   unit's subtree; clinic staff the people enrolled (methadone) at their clinic, facility staff the
 *   people with a stay at their facility, and of those people only their own facility's enrollments
 *   and services.
 *
 * The world (test/support/factories.ts): province P with district D > communes C1, C2 and commune C3,
 * province Q with commune QC; a methadone clinic and a rehab facility in each province. The callers:
 * admin; province officer of P; commune worker of C1; clinic staff of P's clinic; facility staff of
 * P's rehab facility. "own" records belong to a person living in C1 who is enrolled at P's clinic and
 * has a stay at P's facility (so in every role's scope); "other" records to a person living in QC
 * enrolled at Q's clinic and facility. For admin both are in scope.
 *
 * Where the documentation leaves a case open (which of 400/403/404) the code's answer is taken and
 * the row says so (`note`).
 */

const TODAY = '2026-11-20';
const FROM = '2025-03-01';
const TO = '2025-03-31';

type Scope = 'own' | 'other' | 'none';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Expected statuses: [own, other] for scoped routes, [status] for routes without a record. */
type Expected = readonly [number, number] | readonly [number];

/** The admin (everything is in scope). */
const ALL = (ok: number) => [ok, ok] as const;
/** Allowed for records in scope: `ok`, and 404 for one outside. */
const SCOPED = (ok: number) => [ok, 404] as const;
/** The role may not use the route. */
const FORBIDDEN = [403, 403] as const;
/** The role may use the route but never sees such a record. */
const NOT_FOUND = [404, 404] as const;


interface Fixture {
  personId: string;
  caseCode: string;
  community: string;
  methadone: string;
  facility: string;
  supervision: string | null;
}

interface Ctx {
  t: TestApp;
  w: World;
  users: Record<Role, TestUser>;
  /** A commune worker of QC, owner of the "other" import. */
  workerQC: TestUser;
  main: Record<'own' | 'other', Fixture>;
  /** Jobs queued in beforeAll for FROM..TO, by unit id. */
  jobs: Record<string, string>;
  imports: Record<'admin' | 'commune_worker' | 'other', string>;
}

let c: Ctx;

/** Where the record of a scope lives: C1 with P's facilities, or QC with Q's. */
function side(scope: Scope): { unit: Unit; clinic: string; rehab: string } {
  return scope === 'other'
    ? { unit: c.w.qc, clinic: c.w.clinicQ, rehab: c.w.rehabQ }
    : { unit: c.w.c1, clinic: c.w.clinicP, rehab: c.w.rehabP };
}

/** Enrollments of every type (at the side's facilities) and optionally a supervision for a person. */
async function equip(personId: string, caseCode: string, scope: Scope, withSupervision = true): Promise<Fixture> {
  const s = side(scope);
  return {
    personId,
    caseCode,
    community: await enrollmentRow(c.t, personId, { type: 'community', mode: 'voluntary', startDate: '2026-06-01' }),
    methadone: await enrollmentRow(c.t, personId, { type: 'methadone', facilityId: s.clinic, startDate: '2026-06-01' }),
    facility: await enrollmentRow(c.t, personId, { type: 'facility', mode: 'voluntary', facilityId: s.rehab, startDate: '2026-06-01' }),
    supervision: withSupervision ? await supervisionRow(c.t, personId, { startDate: '2026-06-01', endDate: '2027-05-31' }) : null,
  };
}

/** A fresh file (raw insert) on the scope's side, in every role's scope when `own`. */
async function freshFixture(scope: Scope, withSupervision = true): Promise<Fixture> {
  const p = await person(c.t, side(scope).unit);
  return equip(p.id, p.caseCode, scope, withSupervision);
}

/** A fresh file with no enrollment and no supervision. */
async function barePerson(scope: Scope): Promise<string> {
  return (await person(c.t, side(scope).unit)).id;
}

const one = async (sql: string, params: unknown[]): Promise<unknown> => {
  const rows: Record<string, unknown>[] = await c.t.db.query(sql, params);
  return rows[0] ? Object.values(rows[0])[0] : undefined;
};

const as = (role: Role) => c.t.as(c.users[role].token);

/** The kind of reminder each role is shown: clinic and facility staff those routed to their facility. */
async function reminderFor(role: Role, scope: Scope): Promise<string> {
  const fx = c.main[scope === 'other' ? 'other' : 'own'];
  const s = side(scope);
  const [kind, facilityId] =
    role === 'clinic_staff' ? ['missed_doses', s.clinic] : role === 'facility_staff' ? ['enrollment_ending', s.rehab] : ['follow_up_due', null];
  const rows: { id: string }[] = await c.t.db.query(
    `INSERT INTO reminders (kind, person_id, subject_id, due_date, message, facility_id) VALUES ($1, $2, $3, '2026-11-25', 'due', $4) RETURNING id`,
    [kind, fx.personId, randomUUID(), facilityId],
  );
  return rows[0].id;
}

/** An open relapse task of a fresh person on the scope's side (nobody in particular answers for it). */
async function relapseTaskFor(scope: Scope): Promise<{ id: string }> {
  const personId = await barePerson(scope);
  const rows: { id: string }[] = await c.t.db.query(
    `INSERT INTO relapse_tasks (person_id, source, source_id, detected_on) VALUES ($1, 'drug_test', gen_random_uuid(), '2026-11-18') RETURNING id`,
    [personId],
  );
  return { id: rows[0].id };
}

const idsOfRoster = (res: Reply) => (res.body.items as { enrollmentId: string }[]).map((i) => i.enrollmentId);

/** The unit a role asks reports about: its own unit (P for admin), or Q's commune. */
function reportUnit(role: Role, scope: Scope): string {
  if (scope === 'other') return c.w.qc.id;
  return role === 'admin' || role === 'province_officer' ? c.w.p.id : c.w.c1.id;
}

/** The import a role reads: its own (the commune worker's for roles that import nothing), or QC's worker's. */
function importFor(role: Role, scope: Scope): string {
  if (scope === 'other') return c.imports.other;
  return role === 'admin' ? c.imports.admin : c.imports.commune_worker;
}

let periodSeq = 0;
/** A period no other case asks for, so each coverage request queues a job of its own. */
/** The month whose report the monthly routes read (submitted for C1 and QC in beforeAll). */
const MONTH = '2025-03';
let monthSeq = 0;
/** A month nobody has submitted yet, for a submission. */
function freshMonth(): string {
  const n = monthSeq++;
  return `${2015 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

function freshPeriod(): { from: string; to: string } {
  const to = new Date(Date.UTC(2024, 1, 1) + ++periodSeq * 86_400_000).toISOString().slice(0, 10);
  return { from: '2024-02-01', to };
}

let holidaySeq = 0;
/** A day no other case uses, far in the future, for the public holiday routes. */
function freshHoliday(): string {
  return new Date(Date.UTC(2100, 0, 1) + ++holidaySeq * 86_400_000).toISOString().slice(0, 10);
}

const idsOf = (res: Reply) => (res.body.items as { id: string }[]).map((i) => i.id);
const visible = (role: Role, scope: Scope) => role === 'admin' || scope === 'own';

interface Route {
  method: Method;
  path: string;
  expected: Record<Role, Expected>;
  /** Builds the record(s) the call acts on. */
  prepare?: (role: Role, scope: Scope) => Promise<any>;
  call: (role: Role, scope: Scope, target: any) => Promise<Reply>;
  /** A snapshot of what the call may write: unchanged after a refusal, changed after a success. */
  probe?: (target: any) => Promise<unknown>;
  /** Further checks of a successful answer. */
  check?: (res: Reply, role: Role, scope: Scope, target: any) => void | Promise<void>;
  /** Why an expectation follows the code where the documentation leaves the case open. */
  note?: string;
}

const ROUTES: Route[] = [
  // ---------------------------------------------------------------- persons
  {
    method: 'GET',
    path: '/persons?q=<case code>',
    // "every role, in scope": the list answers 200 and holds only files in scope.
    expected: { admin: ALL(200), province_officer: ALL(200), commune_worker: ALL(200), clinic_staff: ALL(200), facility_staff: ALL(200) },
    prepare: async (_role, scope) => c.main[scope === 'other' ? 'other' : 'own'],
    call: (role, _scope, fx: Fixture) => as(role).get(`/api/v1/persons?q=${encodeURIComponent(fx.caseCode)}&pageSize=100`),
    check: (res, role, scope, fx: Fixture) => {
      expect(idsOf(res)).toEqual(visible(role, scope) ? [fx.personId] : []);
      for (const item of res.body.items) for (const f of ['nationalId', 'phone', 'address']) expect(item).not.toHaveProperty(f);
    },
  },
  {
    method: 'POST',
    path: '/persons',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: [201, 400], clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    note: 'commune_worker, residence outside its area: the docs say only that workers manage files of people living in their subtree; the code answers 400 (residenceUnitId is outside the caller’s area)',
    call: (role, scope) => as(role).post('/api/v1/persons', personBodyFor(scope)),
    probe: () => one(`SELECT count(*)::int FROM persons`, []),
    check: (res, _role, scope) => expect(res.body.residenceUnitId).toBe(side(scope).unit.id),
  },
  {
    method: 'GET',
    path: '/persons/:id',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: SCOPED(200), facility_staff: SCOPED(200) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'],
    call: (role, _scope, fx: Fixture) => as(role).get(`/api/v1/persons/${fx.personId}`),
    check: (res, role, _scope, fx: Fixture) => {
      expect(res.body.id).toBe(fx.personId);
      // Contact details for admin and commune workers only.
      if (role === 'admin' || role === 'commune_worker') expect(res.body.phone).toBe('0912 345 678');
      else for (const f of ['nationalId', 'phone', 'address']) expect(res.body).not.toHaveProperty(f);
    },
  },
  {
    method: 'PATCH',
    path: '/persons/:id',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: (_role, scope) => freshFixture(scope),
    call: (role, _scope, fx: Fixture) => as(role).patch(`/api/v1/persons/${fx.personId}`, { version: 1, fullName: 'Lê Thị Bình' }),
    probe: (fx: Fixture) => one(`SELECT version || ':' || full_name FROM persons WHERE id = $1`, [fx.personId]),
  },
  {
    method: 'POST',
    path: '/persons/:id/close',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: (_role, scope) => freshFixture(scope),
    call: (role, _scope, fx: Fixture) => as(role).post(`/api/v1/persons/${fx.personId}/close`, { closedOn: '2026-11-19', closeReason: 'moved_away' }),
    probe: (fx: Fixture) => one(`SELECT coalesce(closed_on::text, 'open') FROM persons WHERE id = $1`, [fx.personId]),
  },
  {
    method: 'GET',
    path: '/persons/:id/timeline',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: SCOPED(200), facility_staff: SCOPED(200) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'],
    call: (role, _scope, fx: Fixture) => as(role).get(`/api/v1/persons/${fx.personId}/timeline`),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },

  // ---------------------------------------------------------------- public holidays
  {
    method: 'GET',
    path: '/public-holidays',
    // Public information: every signed-in role reads it.
    expected: { admin: [200], province_officer: [200], commune_worker: [200], clinic_staff: [200], facility_staff: [200] },
    call: (role) => as(role).get('/api/v1/public-holidays?year=2026'),
    check: (res) => expect(res.body.items.length).toBeGreaterThan(0),
  },
  {
    method: 'POST',
    path: '/public-holidays',
    expected: { admin: [201], province_officer: [403], commune_worker: [403], clinic_staff: [403], facility_staff: [403] },
    prepare: async () => freshHoliday(),
    call: (role, _scope, date: string) => as(role).post('/api/v1/public-holidays', { date, name: 'Day off', source: 'matrix test' }),
    probe: (date: string) => one(`SELECT count(*)::int FROM public_holidays WHERE date = $1`, [date]),
  },
  {
    method: 'DELETE',
    path: '/public-holidays/:date',
    expected: { admin: [200], province_officer: [403], commune_worker: [403], clinic_staff: [403], facility_staff: [403] },
    prepare: async () => {
      const date = freshHoliday();
      await c.t.db.query(`INSERT INTO public_holidays (date, name, source) VALUES ($1, 'Day off', 'matrix test')`, [date]);
      return date;
    },
    call: (role, _scope, date: string) => as(role).delete(`/api/v1/public-holidays/${date}`),
    probe: (date: string) => one(`SELECT count(*)::int FROM public_holidays WHERE date = $1`, [date]),
  },

  // ---------------------------------------------------------------- enrollments
  // "community: commune worker; methadone: clinic staff of that clinic; facility stay: facility
  // staff of that facility; admin". Own: a file in C1 and P's facility; other: a file in QC and Q's.
  {
    method: 'POST',
    path: '/persons/:id/enrollments {community}',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: SCOPED(201), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: (_role, scope) => barePerson(scope),
    call: (role, _scope, personId: string) => as(role).post(`/api/v1/persons/${personId}/enrollments`, { type: 'community', startDate: '2026-06-01' }),
    probe: (personId: string) => one(`SELECT count(*)::int FROM enrollments WHERE person_id = $1`, [personId]),
  },
  {
    method: 'POST',
    path: '/persons/:id/enrollments {methadone}',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: FORBIDDEN, clinic_staff: [201, 403], facility_staff: FORBIDDEN },
    note: 'clinic_staff "other" = a file in QC at Q’s clinic: the docs say "clinic staff of that clinic" without saying 403 or 404; the code answers 403 (staff enroll people only at their own facility)',
    prepare: (_role, scope) => barePerson(scope),
    call: (role, scope, personId: string) =>
      as(role).post(`/api/v1/persons/${personId}/enrollments`, { type: 'methadone', facilityId: side(scope).clinic, startDate: '2026-06-01' }),
    probe: (personId: string) => one(`SELECT count(*)::int FROM enrollments WHERE person_id = $1`, [personId]),
  },
  {
    method: 'POST',
    path: '/persons/:id/enrollments {facility stay}',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: [201, 403] },
    note: 'facility_staff "other" = a file in QC at Q’s facility: as for clinic staff, the code answers 403',
    prepare: (_role, scope) => barePerson(scope),
    call: (role, scope, personId: string) =>
      as(role).post(`/api/v1/persons/${personId}/enrollments`, {
        type: 'facility',
        mode: 'voluntary',
        facilityId: side(scope).rehab,
        startDate: '2026-06-01',
      }),
    probe: (personId: string) => one(`SELECT count(*)::int FROM enrollments WHERE person_id = $1`, [personId]),
  },
  {
    method: 'GET',
    path: '/persons/:id/enrollments',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: SCOPED(200), facility_staff: SCOPED(200) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'],
    call: (role, _scope, fx: Fixture) => as(role).get(`/api/v1/persons/${fx.personId}/enrollments`),
    check: (res, role, _scope, fx: Fixture) => {
      // Clinic and facility staff: their own facility's enrollments only.
      const expected = role === 'clinic_staff' ? [fx.methadone] : role === 'facility_staff' ? [fx.facility] : [fx.community, fx.methadone, fx.facility];
      expect(idsOf(res).sort()).toEqual([...expected].sort());
    },
  },
  ...(['community', 'methadone', 'facility'] as const).map(
    (type): Route => ({
      method: 'GET',
      path: `/enrollments/:id {${type === 'facility' ? 'facility stay' : type}}`,
      expected: {
        admin: ALL(200),
        province_officer: SCOPED(200),
        commune_worker: SCOPED(200),
        clinic_staff: type === 'methadone' ? SCOPED(200) : NOT_FOUND,
        facility_staff: type === 'facility' ? SCOPED(200) : NOT_FOUND,
      },
      prepare: async (_role, scope) => c.main[scope as 'own' | 'other'][type],
      call: (role, _scope, id: string) => as(role).get(`/api/v1/enrollments/${id}`),
      check: (res, _role, _scope, id: string) => expect({ id: res.body.id, type: res.body.type }).toEqual({ id, type }),
    }),
  ),
  ...(['community', 'methadone', 'facility'] as const).map(
    (type): Route => ({
      method: 'POST',
      path: `/enrollments/:id/end {${type === 'facility' ? 'facility stay' : type}}`,
      expected: {
        admin: ALL(200),
        province_officer: FORBIDDEN,
        commune_worker: type === 'community' ? SCOPED(200) : [403, 404],
        clinic_staff: type === 'methadone' ? SCOPED(200) : NOT_FOUND,
        facility_staff: type === 'facility' ? SCOPED(200) : NOT_FOUND,
      },
      note:
        type === 'community'
          ? 'clinic and facility staff ending a community enrollment of their own patient: the docs do not say 403 or 404; they may read only their own facility’s enrollments, and the code answers 404'
          : `${type} enrollment: a commune worker may not end it (403) when the file is in its scope, 404 when it is not (the docs leave the order open; the code looks the record up first); ${type === 'methadone' ? 'facility' : 'clinic'} staff never see it (404)`,
      prepare: async (_role, scope) => (await freshFixture(scope, false))[type],
      call: (role, _scope, id: string) => as(role).post(`/api/v1/enrollments/${id}/end`, { endDate: '2026-11-19', outcome: 'dropped_out' }),
      probe: (id: string) => one(`SELECT status || ':' || coalesce(end_date::text, '') FROM enrollments WHERE id = $1`, [id]),
      check: (res) => expect(res.body).toMatchObject({ status: 'ended', endDate: '2026-11-19', outcome: 'dropped_out' }),
    }),
  ),
  {
    method: 'POST',
    path: '/enrollments/:id/doses',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: FORBIDDEN, clinic_staff: SCOPED(201), facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope, false)).methadone,
    call: (role, _scope, id: string) => as(role).post(`/api/v1/enrollments/${id}/doses`, { date: '2026-11-19', status: 'taken', doseMg: 60 }),
    probe: (id: string) => one(`SELECT count(*)::int FROM methadone_doses WHERE enrollment_id = $1`, [id]),
  },
  {
    method: 'GET',
    path: '/enrollments/:id/doses',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: FORBIDDEN, clinic_staff: SCOPED(200), facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].methadone,
    call: (role, _scope, id: string) => as(role).get(`/api/v1/enrollments/${id}/doses`),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },

  // ---------------------------------------------------------------- services
  {
    method: 'POST',
    path: '/persons/:id/services',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: SCOPED(201), clinic_staff: SCOPED(201), facility_staff: SCOPED(201) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].personId,
    call: (role, _scope, personId: string) => as(role).post(`/api/v1/persons/${personId}/services`, { type: 'counseling', date: '2026-11-19' }),
    probe: (personId: string) => one(`SELECT count(*)::int FROM service_contacts WHERE person_id = $1`, [personId]),
  },
  {
    method: 'GET',
    path: '/persons/:id/services',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: SCOPED(200), facility_staff: SCOPED(200) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].personId,
    call: (role, _scope, personId: string) => as(role).get(`/api/v1/persons/${personId}/services`),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },

  // ---------------------------------------------------------------- supervisions: commune worker, admin
  {
    method: 'POST',
    path: '/persons/:id/supervisions',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: SCOPED(201), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope, false)).personId,
    call: (role, _scope, personId: string) => as(role).post(`/api/v1/persons/${personId}/supervisions`, { startDate: '2026-11-01' }),
    probe: (personId: string) => one(`SELECT count(*)::int FROM supervisions WHERE person_id = $1`, [personId]),
  },
  {
    method: 'GET',
    path: '/persons/:id/supervisions',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'],
    call: (role, _scope, fx: Fixture) => as(role).get(`/api/v1/persons/${fx.personId}/supervisions`),
    check: (res, _role, _scope, fx: Fixture) => expect(idsOf(res)).toEqual([fx.supervision]),
  },
  {
    method: 'GET',
    path: '/supervisions/:id',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].supervision,
    call: (role, _scope, id: string) => as(role).get(`/api/v1/supervisions/${id}`),
    check: (res, _role, _scope, id: string) => expect(res.body.id).toBe(id),
  },
  {
    method: 'PATCH',
    path: '/supervisions/:id',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope)).supervision,
    call: (role, _scope, id: string) => as(role).patch(`/api/v1/supervisions/${id}`, { version: 1, intervalDays: 45 }),
    probe: (id: string) => one(`SELECT version || ':' || interval_days FROM supervisions WHERE id = $1`, [id]),
  },
  {
    method: 'POST',
    path: '/supervisions/:id/visits',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: SCOPED(201), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope)).supervision,
    call: (role, _scope, id: string) =>
      as(role).post(`/api/v1/supervisions/${id}/visits`, { visitDate: '2026-11-19', method: 'home_visit', drugTest: 'negative' }),
    probe: (id: string) => one(`SELECT count(*)::int FROM visits WHERE supervision_id = $1`, [id]),
  },
  {
    method: 'POST',
    path: '/supervisions/:id/end',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope)).supervision,
    call: (role, _scope, id: string) => as(role).post(`/api/v1/supervisions/${id}/end`, { outcome: 'completed', endDate: '2026-11-19' }),
    probe: (id: string) => one(`SELECT status || ':' || coalesce(ended_on::text, '') FROM supervisions WHERE id = $1`, [id]),
    check: (res) => expect(res.body).toMatchObject({ status: 'ended', endedOn: '2026-11-19', outcome: 'completed' }),
  },

  // ---------------------------------------------------------------- reminders
  {
    method: 'GET',
    path: '/reminders?personId',
    // "every role, in scope (clinic and facility staff: their facility's)".
    expected: { admin: ALL(200), province_officer: ALL(200), commune_worker: ALL(200), clinic_staff: ALL(200), facility_staff: ALL(200) },
    prepare: async (role, scope) => ({ id: await reminderFor(role, scope), personId: c.main[scope as 'own' | 'other'].personId }),
    call: (role, _scope, r: { personId: string }) => as(role).get(`/api/v1/reminders?personId=${r.personId}&pageSize=100`),
    check: (res, role, scope, r: { id: string }) => {
      if (visible(role, scope)) expect(idsOf(res)).toContain(r.id);
      else expect(idsOf(res)).toEqual([]);
    },
  },
  {
    method: 'POST',
    path: '/reminders/:id/ack',
    // "ack: not province officers".
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: SCOPED(200), facility_staff: SCOPED(200) },
    prepare: (role, scope) => reminderFor(role, scope),
    call: (role, _scope, id: string) => as(role).post(`/api/v1/reminders/${id}/ack`),
    probe: (id: string) => one(`SELECT status FROM reminders WHERE id = $1`, [id]),
    check: (res, _role, _scope, id: string) => expect({ id: res.body.id, status: res.body.status }).toEqual({ id, status: 'acknowledged' }),
  },
  {
    method: 'POST',
    path: '/reminders/replan',
    expected: { admin: [200], province_officer: [403], commune_worker: [403], clinic_staff: [403], facility_staff: [403] },
    note: 'admin: the docs do not give the status of a re-plan (not a creation, not an action on a record); the code answers 200',
    call: (role) => as(role).post('/api/v1/reminders/replan'),
  },

  // ---------------------------------------------------------------- the day's work (issue 18)
  {
    method: 'GET',
    path: '/tasks?kind=relapse',
    // The caller's own work, in scope: a relapse of the "other" person is never in a worker's list.
    expected: { admin: ALL(200), province_officer: ALL(200), commune_worker: ALL(200), clinic_staff: ALL(200), facility_staff: ALL(200) },
    prepare: async (_role, scope) => relapseTaskFor(scope),
    call: (role) => as(role).get('/api/v1/tasks?kind=relapse&pageSize=100'),
    check: (res, role, scope, r: { id: string }) => {
      const ids = (res.body.items as { subjectId: string }[]).map((i) => i.subjectId);
      if (role === 'admin' || (role === 'commune_worker' && scope === 'own')) expect(ids).toContain(r.id);
      else expect(ids).not.toContain(r.id);
    },
  },
  {
    method: 'GET',
    path: '/clinics/roster',
    expected: { admin: [200], province_officer: [403], commune_worker: [403], clinic_staff: [200], facility_staff: [403] },
    call: (role) => as(role).get(`/api/v1/clinics/roster?pageSize=100${role === 'admin' ? `&facilityId=${c.w.clinicP}` : ''}`),
    check: (res) => expect(idsOfRoster(res)).toContain(c.main.own.methadone),
  },
  {
    method: 'POST',
    path: '/clinics/roster/doses',
    expected: { admin: [200], province_officer: [403], commune_worker: [403], clinic_staff: [200], facility_staff: [403] },
    prepare: async () => (await freshFixture('own', false)).methadone,
    call: (role, _scope, id: string) =>
      as(role).post('/api/v1/clinics/roster/doses', {
        date: '2026-11-19',
        ...(role === 'admin' ? { facilityId: c.w.clinicP } : {}),
        rows: [{ enrollmentId: id, status: 'taken', doseMg: 60 }],
      }),
    probe: (id: string) => one(`SELECT count(*)::int FROM methadone_doses WHERE enrollment_id = $1`, [id]),
    check: (res) => expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true]),
  },
  {
    method: 'GET',
    path: '/facilities/residents',
    expected: { admin: [200], province_officer: [403], commune_worker: [403], clinic_staff: [403], facility_staff: [200] },
    prepare: async () => freshFixture('own', false),
    call: (role, _scope, fx: Fixture) =>
      as(role).get(`/api/v1/facilities/residents?q=${encodeURIComponent(fx.caseCode)}${role === 'admin' ? `&facilityId=${c.w.rehabP}` : ''}`),
    check: (res, _role, _scope, fx: Fixture) => expect(idsOfRoster(res)).toEqual([fx.facility]),
  },
  {
    method: 'POST',
    path: '/enrollments/:id/prescriptions',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: FORBIDDEN, clinic_staff: SCOPED(201), facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope, false)).methadone,
    call: (role, _scope, id: string) => as(role).post(`/api/v1/enrollments/${id}/prescriptions`, { effectiveFrom: '2026-11-01', doseMg: 60 }),
    probe: (id: string) => one(`SELECT count(*)::int FROM dose_prescriptions WHERE enrollment_id = $1`, [id]),
  },
  {
    method: 'GET',
    path: '/enrollments/:id/prescriptions',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: FORBIDDEN, clinic_staff: SCOPED(200), facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].methadone,
    call: (role, _scope, id: string) => as(role).get(`/api/v1/enrollments/${id}/prescriptions`),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },
  {
    method: 'PATCH',
    path: '/supervisions/:id/supervisor',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => (await freshFixture(scope)).supervision,
    call: (role, scope, id: string) =>
      as(role).patch(`/api/v1/supervisions/${id}/supervisor`, { supervisorUserId: scope === 'other' ? c.workerQC.id : c.users.commune_worker.id }),
    probe: (id: string) => one(`SELECT coalesce(supervisor_user_id::text, 'none') FROM supervisions WHERE id = $1`, [id]),
  },
  {
    method: 'POST',
    path: '/persons/:id/drug-tests',
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: SCOPED(201), clinic_staff: SCOPED(201), facility_staff: SCOPED(201) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].personId,
    call: (role, _scope, personId: string) => as(role).post(`/api/v1/persons/${personId}/drug-tests`, { testDate: '2026-11-19', method: 'urine_rapid', result: 'negative' }),
    probe: (personId: string) => one(`SELECT count(*)::int FROM drug_tests WHERE person_id = $1`, [personId]),
  },
  {
    method: 'GET',
    path: '/persons/:id/drug-tests',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: SCOPED(200), facility_staff: SCOPED(200) },
    prepare: async (_role, scope) => c.main[scope as 'own' | 'other'].personId,
    call: (role, _scope, personId: string) => as(role).get(`/api/v1/persons/${personId}/drug-tests`),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },
  {
    method: 'GET',
    path: '/relapse-tasks/:id',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => relapseTaskFor(scope),
    call: (role, _scope, r: { id: string }) => as(role).get(`/api/v1/relapse-tasks/${r.id}`),
    check: (res, _role, _scope, r: { id: string }) => expect(res.body.id).toBe(r.id),
  },
  {
    method: 'POST',
    path: '/relapse-tasks/:id/decision',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => relapseTaskFor(scope),
    call: (role, _scope, r: { id: string }) => as(role).post(`/api/v1/relapse-tasks/${r.id}/decision`, { decision: 're_enroll_treatment' }),
    probe: (r: { id: string }) => one(`SELECT status FROM relapse_tasks WHERE id = $1`, [r.id]),
  },

  // ---------------------------------------------------------------- coverage reports: admin, province officer, commune worker
  {
    method: 'POST',
    path: '/reports/coverage',
    expected: { admin: ALL(202), province_officer: SCOPED(202), commune_worker: SCOPED(202), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => ({ unitId: reportUnit(role, scope), ...freshPeriod() }),
    call: (role, _scope, body: { unitId: string; from: string; to: string }) => as(role).post('/api/v1/reports/coverage', body),
    probe: async (body: { unitId: string; from: string; to: string }) =>
      Boolean(await c.t.app.get(JobsService).queue('reports').getJob(coverageJobId(body))),
    check: (res, _role, _scope, body) => expect(res.body).toEqual({ jobId: coverageJobId(body) }),
  },
  {
    method: 'GET',
    path: '/reports/coverage/jobs/:jobId',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => c.jobs[reportUnit(role, scope)],
    call: (role, _scope, jobId: string) => as(role).get(`/api/v1/reports/coverage/jobs/${jobId}`),
    // Workers are off: the job waits in the queue.
    check: (res, _role, _scope, jobId: string) => expect(res.body).toEqual({ jobId, status: 'queued' }),
  },
  {
    method: 'GET',
    path: '/reports/coverage?unitId&from&to',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/coverage?unitId=${unitId}&from=${FROM}&to=${TO}`),
    check: (res, _role, _scope, unitId: string) => expect({ unitId: res.body.unit?.id, from: res.body.from, to: res.body.to }).toEqual({ unitId, from: FROM, to: TO }),
  },
  {
    method: 'GET',
    path: '/reports/coverage?unitId&from&to {never computed}',
    // "the stored result, 404 if never computed".
    expected: { admin: NOT_FOUND, province_officer: NOT_FOUND, commune_worker: NOT_FOUND, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/coverage?unitId=${unitId}&from=2024-01-01&to=2024-01-31`),
  },
  {
    method: 'GET',
    path: '/reports/coverage/unreached?unitId&from&to',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/coverage/unreached?unitId=${unitId}&from=${FROM}&to=${TO}`),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },
  {
    method: 'GET',
    path: '/reports/coverage/export?unitId&from&to&format=csv',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/coverage/export?unitId=${unitId}&from=${FROM}&to=${TO}&format=csv`),
    check: (res) => expect(res.headers.get('content-type')).toMatch(/^text\/csv/),
  },

  // ---------------------------------------------------------------- monthly reports and trends
  {
    method: 'GET',
    path: '/reports/monthly?unitId&month',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => side(scope).unit.id,
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/monthly?unitId=${unitId}&month=${MONTH}`),
    check: (res, _role, _scope, unitId: string) => expect({ unitId: res.body.unit?.id, month: res.body.month }).toEqual({ unitId, month: MONTH }),
  },
  {
    method: 'POST',
    path: '/reports/monthly',
    // README: a commune worker submits its own commune's report; the province reads.
    expected: { admin: ALL(201), province_officer: FORBIDDEN, commune_worker: SCOPED(201), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => ({ unitId: side(scope).unit.id, month: freshMonth() }),
    call: (role, _scope, body: { unitId: string; month: string }) => as(role).post('/api/v1/reports/monthly', body),
    probe: async (body: { unitId: string; month: string }) =>
      (await c.t.db.query(`SELECT 1 FROM monthly_reports WHERE unit_id = $1 AND month = $2::date`, [body.unitId, `${body.month}-01`])).length > 0,
    check: (res, _role, _scope, body: { unitId: string; month: string }) => expect({ unitId: res.body.unit?.id, version: res.body.version }).toEqual({ unitId: body.unitId, version: 1 }),
  },
  {
    method: 'GET',
    path: '/reports/monthly/rollup?unitId&month',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/monthly/rollup?unitId=${unitId}&month=${MONTH}`),
    check: (res, _role, _scope, unitId: string) => expect(res.body.unit?.id).toBe(unitId),
  },
  {
    method: 'GET',
    path: '/reports/monthly/export?unitId&month&format=csv',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/monthly/export?unitId=${unitId}&month=${MONTH}&format=csv`),
    check: (res) => expect(res.headers.get('content-type')).toMatch(/^text\/csv/),
  },
  {
    method: 'GET',
    path: '/reports/monthly/notices',
    expected: { admin: [200], province_officer: [200], commune_worker: [200], clinic_staff: [403], facility_staff: [403] },
    call: (role) => as(role).get('/api/v1/reports/monthly/notices'),
    check: (res) => expect(Array.isArray(res.body.items)).toBe(true),
  },
  {
    method: 'GET',
    path: '/reports/trends?unitId&indicator',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => reportUnit(role, scope),
    call: (role, _scope, unitId: string) => as(role).get(`/api/v1/reports/trends?unitId=${unitId}&indicator=share&months=3&to=${MONTH}`),
    check: (res, _role, _scope, unitId: string) => expect({ unitId: res.body.unit?.id, points: res.body.points?.length }).toEqual({ unitId, points: 3 }),
  },

  // ---------------------------------------------------------------- imports: admin, commune worker
  {
    method: 'GET',
    path: '/imports/persons/template.xlsx',
    expected: { admin: [200], province_officer: [403], commune_worker: [200], clinic_staff: [403], facility_staff: [403] },
    call: (role) => as(role).get('/api/v1/imports/persons/template.xlsx'),
    check: (res) => expect(res.headers.get('content-type')).toMatch(/spreadsheetml/),
  },
  {
    method: 'POST',
    path: '/imports/persons?dryRun=true',
    expected: { admin: [202], province_officer: [403], commune_worker: [202], clinic_staff: [403], facility_staff: [403] },
    call: (role) => uploadAs(c.users[role]),
    probe: () => one(`SELECT count(*)::int FROM imports`, []),
    check: (res) => expect(Object.keys(res.body)).toEqual(['importId']),
  },
  {
    method: 'GET',
    path: '/imports',
    // A list: the caller's own imports (an admin's: all).
    note: 'the docs do not say whose imports a commune worker sees; the code shows the ones it uploaded, and 404 for another worker’s (GET /imports/:id and errors.xlsx)',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: ALL(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => importFor(role, scope),
    call: (role) => as(role).get('/api/v1/imports?pageSize=100'),
    check: (res, role, scope, id: string) => {
      if (visible(role, scope)) expect(idsOf(res)).toContain(id);
      else expect(idsOf(res)).not.toContain(id);
    },
  },
  {
    method: 'GET',
    path: '/imports/:id',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => importFor(role, scope),
    call: (role, _scope, id: string) => as(role).get(`/api/v1/imports/${id}`),
    check: (res, _role, _scope, id: string) => expect(res.body.id).toBe(id),
  },
  {
    method: 'GET',
    path: '/imports/:id/errors.xlsx',
    expected: { admin: ALL(200), province_officer: FORBIDDEN, commune_worker: SCOPED(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (role, scope) => importFor(role, scope),
    call: (role, _scope, id: string) => as(role).get(`/api/v1/imports/${id}/errors.xlsx`),
    check: (res) => expect(res.headers.get('content-type')).toMatch(/spreadsheetml/),
  },

  // ---------------------------------------------------------------- transfers: workers ask, the officer above both communes decides
  {
    method: 'POST',
    path: '/transfer-requests',
    // Admins see every file already, so they have nothing to ask for.
    expected: { admin: [403], province_officer: [403], commune_worker: [201], clinic_staff: [403], facility_staff: [403] },
    prepare: async () => {
      const nationalId = `9${String(++transferSeq).padStart(11, '0')}`;
      const p = await createPerson(c.t, c.users.admin.token, c.w.qc.id, { nationalId });
      return { nationalId, personId: p.id };
    },
    call: (role, _scope, r: { nationalId: string }) => as(role).post('/api/v1/transfer-requests', { nationalId: r.nationalId, toUnitId: c.w.c1.id }),
    probe: (r: { personId: string }) => one(`SELECT count(*)::int FROM transfer_requests WHERE person_id = $1`, [r.personId]),
    check: (res) => expect(res.body).toMatchObject({ status: 'pending', toUnitId: c.w.c1.id, fullName: null }),
  },
  {
    method: 'GET',
    path: '/transfer-requests',
    expected: { admin: [200], province_officer: [200], commune_worker: [200], clinic_staff: [403], facility_staff: [403] },
    call: (role) => as(role).get('/api/v1/transfer-requests'),
  },
  {
    method: 'POST',
    path: '/transfer-requests/:id/accept',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    note: 'other: a request from QC to C1, which no unit holds both of: only administrators decide it',
    prepare: (_role, scope) => transferRequest(scope),
    call: (role, _scope, id: string) => as(role).post(`/api/v1/transfer-requests/${id}/accept`),
    probe: (id: string) => one(`SELECT status FROM transfer_requests WHERE id = $1`, [id]),
    check: (res) => expect(res.body.status).toBe('accepted'),
  },
  {
    method: 'POST',
    path: '/transfer-requests/:id/refuse',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: (_role, scope) => transferRequest(scope),
    call: (role, _scope, id: string) => as(role).post(`/api/v1/transfer-requests/${id}/refuse`, { reason: 'still lives there' }),
    probe: (id: string) => one(`SELECT status FROM transfer_requests WHERE id = $1`, [id]),
    check: (res) => expect(res.body.status).toBe('refused'),
  },
  // ---------------------------------------------------------------- duplicates (README "Duplicates")
  {
    method: 'POST',
    path: '/persons/candidates',
    // Those who register and the province that reviews search; the answer holds only files in scope.
    expected: { admin: ALL(200), province_officer: ALL(200), commune_worker: ALL(200), clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => {
      const fx = c.main[scope === 'other' ? 'other' : 'own'];
      const rows: { full_name: string; dob: string }[] = await c.t.db.query(
        `SELECT full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob FROM persons WHERE id = $1`,
        [fx.personId],
      );
      return { fx, body: { fullName: rows[0].full_name, dateOfBirth: rows[0].dob } };
    },
    call: (role, _scope, target: { body: Record<string, unknown> }) => as(role).post('/api/v1/persons/candidates', target.body),
    check: (res, role, scope, target: { fx: Fixture }) => {
      if (visible(role, scope)) expect(idsOf(res)).toContain(target.fx.personId);
      else expect(idsOf(res)).not.toContain(target.fx.personId);
    },
  },
  {
    method: 'POST',
    path: '/duplicates/runs',
    expected: { admin: ALL(202), province_officer: SCOPED(202), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    call: (role, scope) => as(role).post('/api/v1/duplicates/runs', { provinceId: scope === 'other' ? c.w.q.id : c.w.p.id }),
  },
  {
    method: 'GET',
    path: '/duplicates/runs/:jobId',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => {
      const res = await c.t.as(c.users.admin.token).post('/api/v1/duplicates/runs', { provinceId: scope === 'other' ? c.w.q.id : c.w.p.id });
      return res.body.jobId as string;
    },
    call: (role, _scope, jobId: string) => as(role).get(`/api/v1/duplicates/runs/${jobId}`),
  },
  {
    method: 'GET',
    path: '/duplicates/pairs',
    expected: { admin: ALL(200), province_officer: ALL(200), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => duplicatePair(scope),
    call: (role) => as(role).get('/api/v1/duplicates/pairs?pageSize=100'),
    check: (res, role, scope, pairId: string) => {
      if (visible(role, scope)) expect(idsOf(res)).toContain(pairId);
      else expect(idsOf(res)).not.toContain(pairId);
    },
  },
  {
    method: 'POST',
    path: '/duplicates/pairs/:id/decision',
    expected: { admin: ALL(200), province_officer: SCOPED(200), commune_worker: FORBIDDEN, clinic_staff: FORBIDDEN, facility_staff: FORBIDDEN },
    prepare: async (_role, scope) => duplicatePair(scope),
    call: (role, _scope, pairId: string) => as(role).post(`/api/v1/duplicates/pairs/${pairId}/decision`, { decision: 'distinct' }),
    probe: (pairId: string) => one(`SELECT status FROM duplicate_pairs WHERE id = $1`, [pairId]),
  },
];

let transferSeq = 0;
/** A pending transfer request: own, C2 to C1 (decided within P); other, QC to C1 (no common unit). */
async function transferRequest(scope: Scope): Promise<string> {
  const from = scope === 'other' ? c.w.qc : c.w.c2;
  const p = await person(c.t, from);
  const rows: { id: string }[] = await c.t.db.query(
    `INSERT INTO transfer_requests (person_id, from_unit_id, to_unit_id, approver_unit_id, origin) VALUES ($1, $2, $3, $4, 'request') RETURNING id`,
    [p.id, from.id, c.w.c1.id, scope === 'other' ? null : c.w.d.id],
  );
  return rows[0].id;
}

/** A pending pair of two fresh files on the scope's side, as the duplicates job would store it. */
async function duplicatePair(scope: Scope): Promise<string> {
  const ids = [await barePerson(scope), await barePerson(scope)].sort();
  const province = scope === 'other' ? c.w.q.id : c.w.p.id;
  const rows: { id: string }[] = await c.t.db.query(
    `INSERT INTO duplicate_pairs (person_a_id, person_b_id, province_id, score, reasons) VALUES ($1, $2, $3, 1, '{name,date_of_birth}') RETURNING id`,
    [ids[0], ids[1], province],
  );
  return rows[0].id;
}

let personBodies = 0;
/** Each body another person (a year of birth apart, none born as the factories' files): one name, date of birth and sex twice would be a likely duplicate (409). */
function personBodyFor(scope: Scope): Record<string, unknown> {
  return {
    fullName: 'Nguyễn Văn An',
    dateOfBirth: `${1960 - personBodies++}-05-03`,
    sex: 'male',
    residenceUnitId: side(scope).unit.id,
    status: 'addicted',
    registeredOn: '2025-03-01',
  };
}

let registerFile: Buffer | undefined;
async function uploadAs(u: TestUser): Promise<Reply> {
  registerFile ??= await xlsx(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Mã đơn vị cư trú', 'Tình trạng'], [['Trần Văn Bảy', '01/02/1991', 'Nam', 'X', 'Nghiện']]);
  const res = await upload(c.t, u.token, registerFile, { dryRun: true });
  return { status: res.status, body: res.body, headers: new Headers() };
}

interface Case {
  name: string;
  route: Route;
  role: Role;
  scope: Scope;
  status: number;
}

const SCOPE_LABEL: Record<Scope, string> = { own: ' [own scope]', other: ' [other scope]', none: '' };

const CASES: Case[] = ROUTES.flatMap((route) =>
  ROLES.flatMap((role): Case[] => {
    const expected = route.expected[role];
    const scopes: Scope[] = expected.length === 2 ? ['own', 'other'] : ['none'];
    return scopes.map((scope, i) => ({
      name: `${role} ${route.method} ${route.path}${SCOPE_LABEL[scope]} → ${expected[i]}`,
      route,
      role,
      scope,
      status: expected[i],
    }));
  }),
);

const ERROR_NAMES: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found' };

describe('authorization matrix of every route outside the identity modules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    const w = await world(t);
    const users: Record<Role, TestUser> = {
      admin: await admin(t),
      province_officer: await user(t, 'province_officer', w.p),
      commune_worker: await user(t, 'commune_worker', w.c1),
      clinic_staff: await user(t, 'clinic_staff', w.c1, w.clinicP),
      facility_staff: await user(t, 'facility_staff', w.p, w.rehabP),
    };
    const workerQC = await user(t, 'commune_worker', w.qc);
    c = { t, w, users, workerQC, main: undefined as never, jobs: {}, imports: undefined as never };

    // The two files every read is tried on, opened through the API (with contact details).
    const own = await createPerson(t, users.admin.token, w.c1.id);
    const other = await createPerson(t, users.admin.token, w.qc.id);
    c.main = { own: await equip(own.id, own.caseCode, 'own'), other: await equip(other.id, other.caseCode, 'other') };

    // Coverage: a report stored for P, C1 and QC, and a job queued for each (workers are off).
    for (const unitId of [w.p.id, w.c1.id, w.qc.id]) {
      await t.app.get(CoverageService).computeUnit({ unitId, from: FROM, to: TO }, null);
      const res = await t.as(users.admin.token).post('/api/v1/reports/coverage', { unitId, from: FROM, to: TO });
      if (res.status !== 202) throw new Error(`coverage job not queued: ${res.status} ${JSON.stringify(res.body)}`);
      c.jobs[unitId] = res.body.jobId;
    }

    // Monthly reports of March 2025 submitted for C1 and QC (the exports read them).
    for (const unitId of [w.c1.id, w.qc.id]) {
      const res = await t.as(users.admin.token).post('/api/v1/reports/monthly', { unitId, month: MONTH });
      if (res.status !== 201) throw new Error(`monthly report not submitted: ${res.status} ${JSON.stringify(res.body)}`);
    }

    // Imports of the admin, of the commune worker of C1 and of another commune worker.
    const imported = async (u: TestUser) => {
      const res = await uploadAs(u);
      if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.importId as string;
    };
    c.imports = { admin: await imported(users.admin), commune_worker: await imported(users.commune_worker), other: await imported(workerQC) };
  });

  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('covers every documented route for every role', () => {
    const routes = new Set(ROUTES.map((r) => `${r.method} ${r.path.split(' ')[0].split('?')[0]}`));
    expect([...routes].sort()).toEqual(
      [
        'GET /persons',
        'POST /persons',
        'GET /persons/:id',
        'PATCH /persons/:id',
        'POST /persons/:id/close',
        'GET /persons/:id/timeline',
        'POST /persons/:id/enrollments',
        'GET /persons/:id/enrollments',
        'GET /enrollments/:id',
        'POST /enrollments/:id/end',
        'POST /enrollments/:id/doses',
        'GET /enrollments/:id/doses',
        'POST /persons/:id/services',
        'GET /persons/:id/services',
        'POST /persons/:id/supervisions',
        'GET /persons/:id/supervisions',
        'GET /supervisions/:id',
        'PATCH /supervisions/:id',
        'POST /supervisions/:id/visits',
        'POST /supervisions/:id/end',
        'GET /reminders',
        'POST /reminders/:id/ack',
        'POST /reminders/replan',
        'POST /reports/coverage',
        'GET /reports/coverage/jobs/:jobId',
        'GET /reports/coverage',
        'GET /reports/coverage/unreached',
        'GET /reports/coverage/export',
        'GET /reports/monthly',
        'POST /reports/monthly',
        'GET /reports/monthly/rollup',
        'GET /reports/monthly/export',
        'GET /reports/monthly/notices',
        'GET /reports/trends',
        'GET /imports/persons/template.xlsx',
        'POST /imports/persons',
        'GET /imports',
        'GET /imports/:id',
        'GET /imports/:id/errors.xlsx',
        'POST /transfer-requests',
        'GET /transfer-requests',
        'POST /transfer-requests/:id/accept',
        'POST /transfer-requests/:id/refuse',
        'GET /tasks',
        'GET /clinics/roster',
        'POST /clinics/roster/doses',
        'GET /facilities/residents',
        'POST /enrollments/:id/prescriptions',
        'GET /enrollments/:id/prescriptions',
        'PATCH /supervisions/:id/supervisor',
        'POST /persons/:id/drug-tests',
        'GET /persons/:id/drug-tests',
        'GET /relapse-tasks/:id',
        'POST /relapse-tasks/:id/decision',
        'POST /persons/candidates',
        'POST /duplicates/runs',
        'GET /duplicates/runs/:jobId',
        'GET /duplicates/pairs',
        'POST /duplicates/pairs/:id/decision',
        'GET /public-holidays',
        'POST /public-holidays',
        'DELETE /public-holidays/:date',
      ].sort(),
    );
  });

  it.each(CASES.map((k) => [k.name, k] as const))('%s', async (_name, { route, role, scope, status }) => {
    const target = route.prepare ? await route.prepare(role, scope) : undefined;
    const before = route.probe ? await route.probe(target) : undefined;
    const res = await route.call(role, scope, target);

    if (status >= 400) {
      expect({ status: res.status, statusCode: res.body?.statusCode, error: res.body?.error }).toEqual({
        status,
        statusCode: status,
        error: ERROR_NAMES[status],
      });
    } else {
      expect({ status: res.status, body: res.body }).toEqual({ status, body: expect.anything() });
    }

    if (route.probe) {
      const after = await route.probe(target);
      // A refused write leaves everything as it was; an accepted one changes it.
      if (status >= 400) expect(after).toEqual(before);
      else expect(after).not.toEqual(before);
    }
    if (status < 400 && route.check) await route.check(res, role, scope, target);
  });
});
