import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { at, auditOf, person, type TreatmentPerson } from '../support/treatment-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';
const messageOf = (r: Reply) => JSON.stringify(r.body.message);

describe('service contacts', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cw1: TestUser;
  let cwQ: TestUser;
  let clin: TestUser;
  let fac: TestUser;
  let po: TestUser;
  let p: TreatmentPerson;

  const post = (u: TestUser, personId: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/persons/${personId}/services`, body);
  const list = (u: TestUser, personId: string, qs = '') => t.as(u.token).get(`/api/v1/persons/${personId}/services${qs}`);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    cw1 = await user(t, 'commune_worker', w.c1);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    fac = await user(t, 'facility_staff', w.p, w.rehabP);
    po = await user(t, 'province_officer', w.p);
    p = await person(t, w.c1);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('lets a commune worker record a service for a person in scope, audited without its notes', async () => {
    const r = await post(cw1, p.id, { type: 'counseling', date: '2026-11-10', notes: 'Tư vấn tại trạm y tế' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      personId: p.id,
      type: 'counseling',
      date: '2026-11-10',
      facilityId: null,
      notes: 'Tư vấn tại trạm y tế',
      createdBy: cw1.id,
    });
    const audit = await auditOf(t, 'service_contact', r.body.id);
    expect(audit.map((a) => [a.action, [...a.fields].sort()])).toEqual([['create', ['date', 'notes', 'type']]]);
    expect(JSON.stringify(audit)).not.toContain('Tư vấn');
  });

  it('answers 404 outside scope and 403 to province officers', async () => {
    expect((await post(cwQ, p.id, { type: 'support', date: '2026-11-10' })).status).toBe(404);
    expect((await list(cwQ, p.id)).status).toBe(404);
    expect((await post(po, p.id, { type: 'support', date: '2026-11-10' })).status).toBe(403);
    expect((await list(po, p.id)).status).toBe(403);
  });

  it('lets clinic and facility staff record services for the people enrolled with them, at their facility by default', async () => {
    expect((await post(clin, p.id, { type: 'medical', date: '2026-11-10' })).status).toBe(404);
    expect((await post(fac, p.id, { type: 'vocational', date: '2026-11-10' })).status).toBe(404);
    expect((await t.as(clin.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-10-01' })).status).toBe(201);
    expect(
      (await t.as(fac.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'facility', mode: 'voluntary', facilityId: w.rehabP, startDate: '2026-10-01' }))
        .status,
    ).toBe(201);
    const m = await post(clin, p.id, { type: 'medical', date: '2026-11-11' });
    expect(m.status).toBe(201);
    expect(m.body.facilityId).toBe(w.clinicP);
    const v = await post(fac, p.id, { type: 'vocational', date: '2026-11-12' });
    expect(v.status).toBe(201);
    expect(v.body.facilityId).toBe(w.rehabP);
    // Each facility lists the services it gave; the commune lists them all.
    const ids = async (u: TestUser) => ((await list(u, p.id)).body.items as { id: string }[]).map((i) => i.id).sort();
    expect(await ids(clin)).toEqual([m.body.id]);
    expect(await ids(fac)).toEqual([v.body.id]);
    expect((await list(cw1, p.id)).body.total).toBe(3);
  });

  it('refuses bad input with 400 naming the field, and closed files with 409', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'housing', date: '2026-11-10' }, 'type'],
      [{ type: 'support', date: '2026-11-21' }, 'date'],
      [{ type: 'support', date: '10/11/2026' }, 'date'],
      [{ type: 'support', date: '2026-11-10', facilityId: '00000000-0000-4000-8000-000000000000' }, 'facilityId'],
      [{ type: 'support', date: '2026-11-10', facilityId: 'clinic' }, 'facilityId'],
      [{ type: 'support', date: '2026-11-10', notes: 'x'.repeat(2001) }, 'notes'],
      [{ type: 'support', date: '2026-11-10', personId: p.id }, 'personId'],
    ];
    for (const [body, field] of cases) {
      const r = await post(adm, p.id, body);
      expect([field, r.status, messageOf(r).includes(field)]).toEqual([field, 400, true]);
    }
    const closed = await person(t, w.c1, { closedOn: '2026-05-01' });
    expect((await post(cw1, closed.id, { type: 'support', date: '2026-11-10' })).status).toBe(409);
  });

  it('lists latest first, filtered by type, paged', async () => {
    const q = await person(t, w.c2);
    for (const [type, date] of [
      ['support', '2026-09-01'],
      ['counseling', '2026-10-01'],
      ['support', '2026-11-01'],
      ['medical', '2026-08-01'],
    ]) {
      expect((await post(adm, q.id, { type, date })).status).toBe(201);
    }
    let r = await list(adm, q.id);
    expect(r.body.items.map((c: any) => c.date)).toEqual(['2026-11-01', '2026-10-01', '2026-09-01', '2026-08-01']);
    r = await list(adm, q.id, '?type=support');
    expect(r.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(r.body.items.map((c: any) => c.date)).toEqual(['2026-11-01', '2026-09-01']);
    r = await list(adm, q.id, '?page=2&pageSize=3');
    expect(r.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(r.body.items.map((c: any) => c.date)).toEqual(['2026-08-01']);
  });
});
