import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { auditOf, at, person } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

/** Every supervision has a responsible worker of the residence commune, reassignable; admins list users by unit. */
describe('the responsible worker of a supervision', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cwA: TestUser;
  let cwB: TestUser;
  let cwD: TestUser;
  let cwQ: TestUser;
  let clin: TestUser;
  let po: TestUser;

  const open = (u: TestUser, personId: string, body: Record<string, unknown> = { startDate: '2026-06-01' }) =>
    t.as(u.token).post(`/api/v1/persons/${personId}/supervisions`, body);
  const assign = (u: TestUser, id: string, supervisorUserId: unknown) => t.as(u.token).patch(`/api/v1/supervisions/${id}/supervisor`, { supervisorUserId });

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    cwA = await user(t, 'commune_worker', w.c1);
    cwB = await user(t, 'commune_worker', w.c1);
    cwD = await user(t, 'commune_worker', w.d);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    po = await user(t, 'province_officer', w.p);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('opens to the commune worker who opens it, else to the residence commune’s least loaded worker, else the nearest unit above', async () => {
    const mine = await open(cwA, (await person(t, w.c1)).id);
    expect(mine.status).toBe(201);
    expect(mine.body.supervisorUserId).toBe(cwA.id);
    // cwA now answers for one supervision, cwB for none: the admin's opens to cwB.
    const byAdmin = await open(adm, (await person(t, w.c1)).id);
    expect(byAdmin.body.supervisorUserId).toBe(cwB.id);
    // One each now: the tie goes to the first by username, so the choice is repeatable.
    const [first]: { id: string }[] = await t.db.query(`SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY username LIMIT 1`, [[cwA.id, cwB.id]]);
    const tie = await open(adm, (await person(t, w.c1)).id);
    expect(tie.body.supervisorUserId).toBe(first.id);
    // C2 has no worker of its own: the district's worker answers.
    const c2 = await open(adm, (await person(t, w.c2)).id);
    expect(c2.body.supervisorUserId).toBe(cwD.id);
    // C3 (under the province, no worker anywhere above it): nobody yet.
    const c3 = await open(adm, (await person(t, w.c3)).id);
    expect(c3.status).toBe(201);
    expect(c3.body.supervisorUserId).toBeNull();
    // A supervisor from another province is refused, naming the field.
    const far = await open(adm, (await person(t, w.c1)).id, { startDate: '2026-06-01', supervisorUserId: cwQ.id });
    expect(far.status).toBe(400);
    expect(far.body.message).toEqual(["supervisorUserId: must be an active commune worker whose area holds the person's residence"]);
  });

  it('is reassigned by a commune worker or an admin, audited; the new one must work where the person lives', async () => {
    const s = (await open(cwA, (await person(t, w.c1)).id)).body;
    const res = await assign(cwA, s.id, cwB.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: s.id, supervisorUserId: cwB.id, version: s.version + 1 });
    expect((await auditOf(t, 'supervision', s.id)).filter((a) => a.action === 'reassign')).toEqual([
      { action: 'reassign', fields: ['supervisorUserId'], meta: { from: cwA.id, to: cwB.id } },
    ]);
    // The district's worker covers C1 too.
    expect((await assign(adm, s.id, cwD.id)).body.supervisorUserId).toBe(cwD.id);

    for (const bad of [cwQ.id, clin.id]) {
      const r = await assign(adm, s.id, bad);
      expect(r.status).toBe(400);
      expect(r.body.message[0]).toMatch(/^supervisorUserId: /);
    }
    expect((await assign(adm, s.id, 'nobody')).status).toBe(400);
    expect((await assign(cwQ, s.id, cwQ.id)).status).toBe(404);
    expect((await assign(po, s.id, cwA.id)).status).toBe(403);
    expect((await assign(clin, s.id, cwA.id)).status).toBe(403);
    const [row]: { supervisor_user_id: string }[] = await t.db.query(`SELECT supervisor_user_id FROM supervisions WHERE id = $1`, [s.id]);
    expect(row.supervisor_user_id).toBe(cwD.id);

    expect((await t.as(cwA.token).post(`/api/v1/supervisions/${s.id}/end`, { outcome: 'completed', endDate: TODAY })).status).toBe(200);
    expect((await assign(cwA, s.id, cwA.id)).status).toBe(409);
  });

  it('lets an admin list the users of a unit by role, to offer the choice', async () => {
    const res = await t.as(adm.token).get(`/api/v1/users?unitId=${w.c1.id}&role=commune_worker`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id).sort()).toEqual([cwA.id, cwB.id].sort());
    expect((await t.as(cwA.token).get(`/api/v1/users?unitId=${w.c1.id}`)).status).toBe(403);
  });
});
