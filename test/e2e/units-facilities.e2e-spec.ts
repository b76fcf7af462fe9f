import { auditRows, cast, expectError, uniqueCode, type Cast } from '../support/identity-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('facilities', () => {
  let t: TestApp;
  let c: Cast;
  beforeAll(async () => {
    t = await startTestApp();
    c = await cast(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const asAdmin = () => t.as(c.users.admin.token);

  it('creates a facility in a unit and audits it', async () => {
    const code = uniqueCode('MMT-');
    const res = await asAdmin().post('/api/v1/facilities', { code, name: ' Cơ sở Methadone Xã C2 ', type: 'methadone_clinic', adminUnitId: c.w.c2.id });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), code, name: 'Cơ sở Methadone Xã C2', type: 'methadone_clinic', adminUnitId: c.w.c2.id });
    expect((await t.as(c.users.clinic_staff.token).get(`/api/v1/facilities/${res.body.id}`)).body).toEqual(res.body);
    const rows = await auditRows(t, `entity = 'facility' AND entity_id = $1`, [res.body.id]);
    expect(rows.map((r) => [r.action, r.actor_id, r.fields])).toEqual([['create', c.users.admin.id, ['code', 'name', 'type', 'adminUnitId']]]);
  });

  it('refuses an unknown unit (400 naming adminUnitId), an unknown type (400 naming type) and a duplicate code (409)', async () => {
    const unknownUnit = await asAdmin().post('/api/v1/facilities', {
      code: uniqueCode('F'),
      name: 'F',
      type: 'rehab_facility',
      adminUnitId: '6f1c2a4e-0000-4000-8000-000000000000',
    });
    expectError(unknownUnit, 400, 'Bad Request');
    expect(unknownUnit.body.message).toEqual(['adminUnitId: no such unit']);

    const badType = await asAdmin().post('/api/v1/facilities', { code: uniqueCode('F'), name: 'F', type: 'hospital', adminUnitId: c.w.c1.id });
    expectError(badType, 400, 'Bad Request');
    expect(badType.body.message.join(' ')).toMatch(/type/);

    const code = uniqueCode('F');
    expect((await asAdmin().post('/api/v1/facilities', { code, name: 'F', type: 'health_station', adminUnitId: c.w.c1.id })).status).toBe(201);
    const dup = await asAdmin().post('/api/v1/facilities', { code, name: 'G', type: 'health_station', adminUnitId: c.w.c2.id });
    expectError(dup, 409, 'Conflict');
    expect(dup.body.message).toContain('code');
    const rows: unknown[] = await t.db.query(`SELECT 1 FROM facilities WHERE code = $1`, [code]);
    expect(rows).toHaveLength(1);
  });

  it('lists by type and by unit subtree (a province includes its communes, another province is out)', async () => {
    const ids = async (q: string) => {
      const res = await t.as(c.users.commune_worker.token).get(`/api/v1/facilities?pageSize=100&${q}`);
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((f) => f.id).sort();
    };
    expect(await ids(`unitId=${c.w.q.id}`)).toEqual([c.w.clinicQ, c.w.rehabQ].sort());
    expect(await ids(`unitId=${c.w.q.id}&type=rehab_facility`)).toEqual([c.w.rehabQ]);
    const inP = await ids(`unitId=${c.w.p.id}&type=methadone_clinic`);
    expect(inP).toContain(c.w.clinicP);
    expect(inP).not.toContain(c.w.clinicQ);
    expect(await ids(`unitId=${c.w.c1.id}&type=rehab_facility`)).toEqual([]);
    expectError(await t.as(c.users.commune_worker.token).get('/api/v1/facilities/6f1c2a4e-0000-4000-8000-000000000000'), 404, 'Not Found');
  });
});
