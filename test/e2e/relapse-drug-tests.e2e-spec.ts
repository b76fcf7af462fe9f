import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { enrollmentRow } from '../support/persons-factories.js';
import { auditOf, at, person } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

/** Drug tests as records of their own; a relapse or a positive test raises a task whose decision is recorded. */
describe('relapse and drug tests', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cw1: TestUser;
  let cwQ: TestUser;
  let clin: TestUser;
  let po: TestUser;

  const test = (u: TestUser, personId: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/persons/${personId}/drug-tests`, body);
  const decide = (u: TestUser, id: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/relapse-tasks/${id}/decision`, body);
  const tasksOf = (personId: string): Promise<{ id: string; source: string; status: string; assigned_user_id: string | null }[]> =>
    t.db.query(`SELECT id, source, status, assigned_user_id FROM relapse_tasks WHERE person_id = $1 ORDER BY created_at`, [personId]);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    cw1 = await user(t, 'commune_worker', w.c1);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    po = await user(t, 'province_officer', w.p);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('a visit that finds a relapse raises one task for the responsible worker; the adult may be referred to compulsory treatment', async () => {
    const p = await person(t, w.c1, { dateOfBirth: '1990-01-01' });
    const s = (await t.as(cw1.token).post(`/api/v1/persons/${p.id}/supervisions`, { startDate: '2026-06-01' })).body;
    const v = await t.as(cw1.token).post(`/api/v1/supervisions/${s.id}/visits`, { visitDate: '2026-11-18', method: 'home_visit', drugTest: 'not_done', relapse: true });
    expect(v.status).toBe(201);
    const [task] = await tasksOf(p.id);
    expect(task).toMatchObject({ source: 'visit', status: 'open', assigned_user_id: cw1.id });

    // A positive test before the decision adds nothing to do.
    const positive = await test(cw1, p.id, { testDate: '2026-11-19', method: 'urine_rapid', result: 'positive', substances: ['methamphetamine'] });
    expect(positive.status).toBe(201);
    expect(positive.body).toMatchObject({ personId: p.id, result: 'positive', substances: ['methamphetamine'], facilityId: null, relapseTaskId: null });
    expect(await tasksOf(p.id)).toHaveLength(1);

    const got = await t.as(cw1.token).get(`/api/v1/relapse-tasks/${task.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: task.id, personId: p.id, supervisionId: s.id, source: 'visit', detectedOn: '2026-11-18', adult: true, status: 'open', decision: null });
    expect((await t.as(cwQ.token).get(`/api/v1/relapse-tasks/${task.id}`)).status).toBe(404);
    expect((await decide(cwQ, task.id, { decision: 'refer_compulsory_treatment' })).status).toBe(404);
    expect((await decide(po, task.id, { decision: 'refer_compulsory_treatment' })).status).toBe(403);
    expect((await decide(cw1, task.id, { decision: 'jail' })).status).toBe(400);
    expect((await decide(cw1, task.id, { decision: 'no_action' })).body.message).toEqual(['note: is required when no action is taken (say why)']);

    const done = await decide(cw1, task.id, { decision: 'refer_compulsory_treatment', note: 'hồ sơ đề nghị' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'decided', decision: 'refer_compulsory_treatment', decidedOn: TODAY, decidedBy: cw1.id, decisionNote: 'hồ sơ đề nghị' });
    expect((await decide(cw1, task.id, { decision: 're_enroll_treatment' })).status).toBe(409);
    expect((await auditOf(t, 'relapse_task', task.id)).map((a) => a.action)).toEqual(['create', 'decide']);

    // After the decision, a new positive test is a new relapse.
    const again = await test(cw1, p.id, { testDate: TODAY, method: 'urine_rapid', result: 'positive' });
    expect(again.body.relapseTaskId).toEqual(expect.any(String));
    expect((await tasksOf(p.id)).map((r) => r.source)).toEqual(['visit', 'drug_test']);
  });

  it("a minor's relapse is not referred to compulsory treatment (a court decides); re-enrollment is recorded", async () => {
    const minor = await person(t, w.c1, { dateOfBirth: '2010-03-01' });
    const positive = await test(cw1, minor.id, { testDate: TODAY, method: 'saliva', result: 'positive' });
    const id = positive.body.relapseTaskId as string;
    expect(id).toEqual(expect.any(String));
    // No supervision: a worker of the residence commune answers for it.
    expect((await tasksOf(minor.id))[0].assigned_user_id).toBe(cw1.id);
    const refused = await decide(cw1, id, { decision: 'refer_compulsory_treatment' });
    expect(refused.status).toBe(400);
    expect(refused.body.message[0]).toMatch(/^decision: a referral to compulsory treatment is for adults/);
    const ok = await decide(adm, id, { decision: 're_enroll_treatment', decidedOn: TODAY });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ adult: false, decision: 're_enroll_treatment' });
    expect((await decide(cw1, id, { decision: 're_enroll_treatment', decidedOn: '2026-11-21' })).status).toBe(409);
  });

  it('lists drug tests in scope (clinic staff: their own), on the timeline, refusing bad input and other roles', async () => {
    const p = await person(t, w.c1);
    await enrollmentRow(t, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-10-01' });
    expect((await test(cw1, p.id, { testDate: '2026-11-10', method: 'urine_rapid', result: 'negative' })).status).toBe(201);
    const atClinic = await test(clin, p.id, { testDate: '2026-11-12', method: 'urine_rapid', result: 'invalid' });
    expect(atClinic.status).toBe(201);
    expect(atClinic.body).toMatchObject({ facilityId: w.clinicP, relapseTaskId: null });

    const all = await t.as(cw1.token).get(`/api/v1/persons/${p.id}/drug-tests`);
    expect(all.body.items.map((d: { testDate: string }) => d.testDate)).toEqual(['2026-11-12', '2026-11-10']);
    const own = await t.as(clin.token).get(`/api/v1/persons/${p.id}/drug-tests`);
    expect(own.body.items.map((d: { id: string }) => d.id)).toEqual([atClinic.body.id]);
    expect((await t.as(cwQ.token).get(`/api/v1/persons/${p.id}/drug-tests`)).status).toBe(404);
    expect((await t.as(po.token).get(`/api/v1/persons/${p.id}/drug-tests`)).status).toBe(403);
    expect((await test(po, p.id, { testDate: TODAY, method: 'urine_rapid', result: 'negative' })).status).toBe(403);
    expect((await test(cwQ, p.id, { testDate: TODAY, method: 'urine_rapid', result: 'negative' })).status).toBe(404);

    const future = await test(cw1, p.id, { testDate: '2026-11-21', method: 'urine_rapid', result: 'negative' });
    expect(future.body.message).toEqual(['testDate: must not be in the future']);
    const bad = await test(cw1, p.id, { testDate: TODAY, method: 'smell', result: 'maybe', substances: [''] });
    expect(bad.status).toBe(400);
    for (const f of ['method', 'result', 'substances']) expect(JSON.stringify(bad.body.message)).toContain(f);

    const timeline = await t.as(cw1.token).get(`/api/v1/persons/${p.id}/timeline?pageSize=100`);
    expect(timeline.body.items.filter((i: { kind: string }) => i.kind === 'drug_test').map((i: { date: string; result: string }) => [i.date, i.result])).toEqual([
      ['2026-11-10', 'negative'],
      ['2026-11-12', 'invalid'],
    ]);
    const clinicTimeline = await t.as(clin.token).get(`/api/v1/persons/${p.id}/timeline?pageSize=100`);
    expect(clinicTimeline.body.items.filter((i: { kind: string }) => i.kind === 'drug_test').map((i: { id: string }) => i.id)).toEqual([atClinic.body.id]);
    expect((await auditOf(t, 'drug_test', atClinic.body.id)).map((a) => [a.action, [...a.fields].sort()])).toEqual([['create', ['method', 'result', 'testDate']]]);
  });
});
