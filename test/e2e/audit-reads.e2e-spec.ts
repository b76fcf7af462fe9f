import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { at, auditOf, person, type TreatmentPerson } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

/**
 * Every read of a person's records is a read of the file: the file itself, its timeline, and the
 * lists and single records of its enrollments, doses, services and supervisions each write one
 * 'read' row naming the person and the view, with ids only.
 */
describe('reads of a person file are audited, whatever the route', () => {
  let t: TestApp;
  let w: World;
  let cw1: TestUser;
  let clin: TestUser;
  let cwQ: TestUser;
  let p: TreatmentPerson;
  let enrollmentId: string;
  let supervisionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    const adm = await admin(t);
    cw1 = await user(t, 'commune_worker', w.c1);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    p = await person(t, w.c1);
    const e = await t.as(clin.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-10-01' });
    expect(e.status).toBe(201);
    enrollmentId = e.body.id;
    const s = await t.as(adm.token).post(`/api/v1/persons/${p.id}/supervisions`, { startDate: '2026-06-01' });
    expect(s.status).toBe(201);
    supervisionId = s.body.id;
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  const reads = async () =>
    (await auditOf(t, 'person', p.id)).filter((a) => a.action === 'read').map((a) => ({ fields: a.fields, meta: a.meta }));

  it('writes one read row per route, naming the view', async () => {
    const routes: [TestUser, string, unknown][] = [
      [cw1, `/api/v1/persons/${p.id}`, null],
      [cw1, `/api/v1/persons/${p.id}/timeline`, { view: 'timeline' }],
      [cw1, `/api/v1/persons/${p.id}/enrollments`, { view: 'enrollments' }],
      [clin, `/api/v1/enrollments/${enrollmentId}`, { view: 'enrollment', enrollmentId }],
      [clin, `/api/v1/enrollments/${enrollmentId}/doses`, { view: 'doses', enrollmentId }],
      [cw1, `/api/v1/persons/${p.id}/services`, { view: 'services' }],
      [cw1, `/api/v1/persons/${p.id}/supervisions`, { view: 'supervisions' }],
      [cw1, `/api/v1/supervisions/${supervisionId}`, { view: 'supervision', supervisionId }],
    ];
    const before = (await reads()).length;
    for (const [u, path] of routes) expect([path, (await t.as(u.token).get(path)).status]).toEqual([path, 200]);
    expect((await reads()).slice(before)).toEqual(routes.map(([, , meta]) => ({ fields: [], meta })));
  });

  it('writes nothing for a read refused outside scope', async () => {
    const before = (await reads()).length;
    for (const path of [
      `/api/v1/persons/${p.id}`,
      `/api/v1/persons/${p.id}/timeline`,
      `/api/v1/persons/${p.id}/enrollments`,
      `/api/v1/enrollments/${enrollmentId}`,
      `/api/v1/persons/${p.id}/services`,
      `/api/v1/persons/${p.id}/supervisions`,
      `/api/v1/supervisions/${supervisionId}`,
    ]) {
      expect([path, (await t.as(cwQ.token).get(path)).status]).toEqual([path, 404]);
    }
    expect(await reads()).toHaveLength(before);
  });
});
