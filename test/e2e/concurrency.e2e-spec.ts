/**
 * Concurrency (SPEC 3, 4, 8; issue 9): many callers at once on the same record. Exactly one of
 * the updates carrying the same version wins; parallel creations get distinct case codes; parallel
 * doses for one day leave one row; parallel coverage requests for one unit and period share a job.
 * Written against the SPEC's routes; a route missing from the OpenAPI document fails the first test.
 */
import { addDays } from '../../src/common/time/dates.js';
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { errorShapeProblems, type OpenApiDoc } from '../support/hostile.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

jest.setTimeout(60_000);

const PARALLEL = 24;

/** Twelve digits no other test file uses. */
const nationalId = () => `9${BigInt(`0x${randomBytes(6).toString('hex')}`).toString().padStart(11, '0').slice(-11)}`;

describe('concurrency', () => {
  let t: TestApp;
  let w: World;
  let root: TestUser;
  let worker: TestUser;
  let clinic: TestUser;
  let doc: OpenApiDoc;

  // Each body another person (a day of birth apart): the same name, date of birth and sex would be
  // a likely duplicate of the file made before (409 possible_duplicate).
  let bodies = 0;
  const personBody = (extra: Record<string, unknown> = {}) => ({
    fullName: 'Trần Văn Song Song',
    dateOfBirth: addDays('1991-03-04', bodies++),
    sex: 'male',
    residenceUnitId: w.c1.id,
    status: 'addicted',
    substances: ['heroin'],
    registeredOn: '2025-02-01',
    ...extra,
  });

  const all = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
  const statuses = (replies: Reply[]) => replies.map((r) => r.status).sort((a, b) => a - b);

  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
    root = await admin(t);
    worker = await user(t, 'commune_worker', w.c1);
    clinic = await user(t, 'clinic_staff', w.c1, w.clinicP);
    doc = (await t.http.get('/api/docs-json')).body;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the SPEC routes it races on', () => {
    const has = (m: string, p: string) => !!doc.paths[p]?.[m];
    expect({
      createPerson: has('post', '/api/v1/persons'),
      patchPerson: has('patch', '/api/v1/persons/{id}'),
      enroll: has('post', '/api/v1/persons/{id}/enrollments'),
      doses: has('post', '/api/v1/enrollments/{id}/doses'),
      coverage: has('post', '/api/v1/reports/coverage'),
    }).toEqual({ createPerson: true, patchPerson: true, enroll: true, doses: true, coverage: true });
  });

  it('lets exactly one of many PATCHes with the same version win; the rest get 409 and change nothing', async () => {
    const created = await t.as(worker.token).post('/api/v1/persons', personBody());
    expect(created.status).toBe(201);
    const { id, version } = created.body;
    const replies = await all(PARALLEL, (i) =>
      t.as(i % 2 ? worker.token : root.token).patch(`/api/v1/persons/${id}`, { version, fullName: `Người Thắng ${i}`, inDetention: i % 3 === 0 }),
    );
    expect(statuses(replies)).toEqual([200, ...Array(PARALLEL - 1).fill(409)]);
    for (const r of replies.filter((x) => x.status === 409)) expect(errorShapeProblems(r.status, r.body)).toEqual([]);
    const winner = PARALLEL - 1 - [...replies].reverse().findIndex((r) => r.status === 200);
    const after = await t.as(worker.token).get(`/api/v1/persons/${id}`);
    expect(after.body.version).toBe(version + 1);
    expect(after.body.fullName).toBe(`Người Thắng ${winner}`);
    expect(after.body.inDetention).toBe(winner % 3 === 0);
    const [row] = await t.db.query(`SELECT version, full_name FROM persons WHERE id = $1`, [id]);
    expect(row).toEqual({ version: version + 1, full_name: `Người Thắng ${winner}` });
  });

  it('then accepts the next update only with the new version', async () => {
    const created = await t.as(worker.token).post('/api/v1/persons', personBody());
    const { id, version } = created.body;
    const first = await all(6, (i) => t.as(worker.token).patch(`/api/v1/persons/${id}`, { version, address: `Số ${i}` }));
    expect(statuses(first)).toEqual([200, 409, 409, 409, 409, 409]);
    const stale = await t.as(worker.token).patch(`/api/v1/persons/${id}`, { version, address: 'late' });
    expect(stale.status).toBe(409);
    const fresh = await t.as(worker.token).patch(`/api/v1/persons/${id}`, { version: version + 1, address: 'on time' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(version + 2);
  });

  it('gives parallel creations in one commune distinct case codes, one row each', async () => {
    const before: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM persons WHERE residence_unit_id = $1`, [w.c2.id]);
    const worker2 = await user(t, 'commune_worker', w.c2);
    const replies = await all(PARALLEL, (i) =>
      t.as(i % 2 ? worker2.token : root.token).post('/api/v1/persons', personBody({ residenceUnitId: w.c2.id, fullName: `Song Song ${i}` })),
    );
    expect(statuses(replies)).toEqual(Array(PARALLEL).fill(201));
    const codes = replies.map((r) => r.body.caseCode as string);
    expect(new Set(codes).size).toBe(PARALLEL);
    for (const code of codes) expect(code).toContain(w.c2.code);
    const after: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM persons WHERE residence_unit_id = $1`, [w.c2.id]);
    expect(after[0].n - before[0].n).toBe(PARALLEL);
  });

  it('opens one file for one national id when many try at once; the others get 409', async () => {
    const nid = nationalId();
    const replies = await all(12, (i) => t.as(worker.token).post('/api/v1/persons', personBody({ nationalId: nid, fullName: `Trùng ${i}` })));
    expect(statuses(replies)).toEqual([201, ...Array(11).fill(409)]);
    const lookup = await t.as(worker.token).get(`/api/v1/persons?nationalId=${nid}`);
    expect(lookup.body.total).toBe(1);
  });

  it('keeps one active enrollment of a type when many are opened at once', async () => {
    const person = await t.as(worker.token).post('/api/v1/persons', personBody());
    const replies = await all(10, () =>
      t.as(root.token).post(`/api/v1/persons/${person.body.id}/enrollments`, { type: 'community', startDate: '2025-03-01' }),
    );
    expect(statuses(replies)).toEqual([201, ...Array(9).fill(409)]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE person_id = $1 AND status = 'active'`, [person.body.id]);
    expect(n).toBe(1);
  });

  it('stores one dose row for an enrollment and day however many writes race', async () => {
    const person = await t.as(worker.token).post('/api/v1/persons', personBody());
    const enrollment = await t.as(root.token).post(`/api/v1/persons/${person.body.id}/enrollments`, {
      type: 'methadone',
      facilityId: w.clinicP,
      startDate: '2025-03-01',
    });
    expect(enrollment.status).toBe(201);
    const doses = Array.from({ length: PARALLEL }, (_, i) => 40 + i);
    const replies = await all(PARALLEL, (i) =>
      t.as(i % 2 ? clinic.token : root.token).post(`/api/v1/enrollments/${enrollment.body.id}/doses`, { date: '2025-03-10', status: 'taken', doseMg: doses[i] }),
    );
    for (const r of replies) expect([200, 201]).toContain(r.status);
    const rows: { dose_mg: string | number }[] = await t.db.query(
      `SELECT dose_mg FROM methadone_doses WHERE enrollment_id = $1 AND date = '2025-03-10'`,
      [enrollment.body.id],
    );
    expect(rows).toHaveLength(1);
    expect(doses).toContain(Number(rows[0].dose_mg));
    const list = await t.as(clinic.token).get(`/api/v1/enrollments/${enrollment.body.id}/doses`);
    expect(list.body.items.filter((d: { date: string }) => d.date === '2025-03-10')).toHaveLength(1);
  });

  it('answers parallel coverage requests for one unit and period with one job id', async () => {
    const officer = await user(t, 'province_officer', w.p);
    const replies = await all(PARALLEL, (i) =>
      t.as(i % 2 ? officer.token : root.token).post('/api/v1/reports/coverage', { unitId: w.p.id, from: '2025-01-01', to: '2025-03-31' }),
    );
    expect(statuses(replies)).toEqual(Array(PARALLEL).fill(202));
    const ids = new Set(replies.map((r) => r.body.jobId));
    expect(ids.size).toBe(1);
    const other = await t.as(root.token).post('/api/v1/reports/coverage', { unitId: w.p.id, from: '2025-01-01', to: '2025-02-28' });
    expect(ids.has(other.body.jobId)).toBe(false);
  });
});
