import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { at, auditOf, person, type TreatmentPerson } from '../support/treatment-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

/** Due dates every `interval` days after `start` up to `end`, counted with plain UTC arithmetic. */
function everyInterval(start: string, end: string, interval = 30): string[] {
  const out: string[] = [];
  const endMs = Date.parse(`${end}T00:00:00Z`);
  for (let ms = Date.parse(`${start}T00:00:00Z`) + interval * 86_400_000; ms <= endMs; ms += interval * 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

const messageOf = (r: Reply) => JSON.stringify(r.body.message);

describe('treatment enrollments', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cw1: TestUser; // commune worker of C1
  let cwQ: TestUser; // commune worker of province Q
  let clin: TestUser; // clinic staff of clinic P
  let clinQ: TestUser; // clinic staff of clinic Q
  let fac: TestUser; // facility staff of rehab P
  let po: TestUser; // province officer of P

  const enroll = (u: TestUser, personId: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/persons/${personId}/enrollments`, body);
  const end = (u: TestUser, id: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/enrollments/${id}/end`, body);
  const supervisionsOf = async (personId: string) =>
    (await t.as(adm.token).get(`/api/v1/persons/${personId}/supervisions`)).body as { items: any[]; total: number };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    cw1 = await user(t, 'commune_worker', w.c1);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    clinQ = await user(t, 'clinic_staff', w.qc, w.clinicQ);
    fac = await user(t, 'facility_staff', w.p, w.rehabP);
    po = await user(t, 'province_officer', w.p);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  describe('roles and scope', () => {
    let p: TreatmentPerson;
    let methadoneId: string;

    beforeAll(async () => {
      p = await person(t, w.c1);
    });

    it('lets a commune worker record community treatment, voluntary, in scope, audited by field names', async () => {
      const r = await enroll(cw1, p.id, { type: 'community', startDate: '2026-06-01', plannedEndDate: '2027-05-31' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        personId: p.id,
        type: 'community',
        mode: 'voluntary',
        facilityId: null,
        startDate: '2026-06-01',
        plannedEndDate: '2027-05-31',
        endDate: null,
        outcome: null,
        status: 'active',
      });
      const audit = await auditOf(t, 'enrollment', r.body.id);
      expect(audit).toHaveLength(1);
      expect(audit[0].action).toBe('create');
      expect([...audit[0].fields].sort()).toEqual(['plannedEndDate', 'startDate', 'type']);
      expect(JSON.stringify(audit)).not.toContain('Tran Van Thu');
    });

    it('answers 404 to a commune worker outside the person’s province', async () => {
      const r = await enroll(cwQ, p.id, { type: 'community', startDate: '2026-06-01' });
      expect(r.status).toBe(404);
      expect((await t.as(cwQ.token).get(`/api/v1/persons/${p.id}/enrollments`)).status).toBe(404);
    });

    it('refuses a commune worker enrolling at a methadone clinic, and a province officer anything (403)', async () => {
      const r = await enroll(cw1, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-06-01' });
      expect(r.status).toBe(403);
      expect((await enroll(cw1, p.id, { type: 'facility', mode: 'voluntary', facilityId: w.rehabP, startDate: '2026-06-01' })).status).toBe(403);
      expect((await enroll(po, p.id, { type: 'community', startDate: '2026-06-01' })).status).toBe(403);
      expect((await enroll(fac, p.id, { type: 'community', startDate: '2026-06-01' })).status).toBe(403);
      expect((await enroll(clin, p.id, { type: 'facility', mode: 'voluntary', facilityId: w.rehabP, startDate: '2026-06-01' })).status).toBe(403);
    });

    it('refuses clinic staff enrolling at another clinic (403)', async () => {
      const r = await enroll(clinQ, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-06-01' });
      expect(r.status).toBe(403);
    });

    it('lets clinic staff enroll any open file at their own clinic, out of commune scope', async () => {
      const r = await enroll(clin, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-07-01' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ type: 'methadone', mode: null, facilityId: w.clinicP, status: 'active' });
      methadoneId = r.body.id;
      // A person living in another province (not in any clinic scope before) is found by id.
      const far = await person(t, w.qc);
      expect((await enroll(clin, far.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-07-01' })).status).toBe(201);
    });

    it('refuses clinic staff a closed file (409) and a file that does not exist (404)', async () => {
      const closed = await person(t, w.c2, { closedOn: '2026-05-01' });
      expect((await enroll(clin, closed.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-07-01' })).status).toBe(409);
      const missing = '00000000-0000-4000-8000-000000000000';
      expect((await enroll(clin, missing, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-07-01' })).status).toBe(404);
    });

    it('shows clinic staff only their own clinic’s enrollments; commune workers see all in scope', async () => {
      const mine = await t.as(clin.token).get(`/api/v1/persons/${p.id}/enrollments`);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((e: any) => e.type)).toEqual(['methadone']);
      expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      const all = await t.as(cw1.token).get(`/api/v1/persons/${p.id}/enrollments`);
      expect(all.body.items.map((e: any) => e.type)).toEqual(['methadone', 'community']);
      const one = await t.as(cw1.token).get(`/api/v1/enrollments/${methadoneId}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: methadoneId, type: 'methadone', consecutiveMissedDays: 0 });
    });

    it('hides an enrollment from the staff of another clinic (404) on read, end and doses', async () => {
      expect((await t.as(clinQ.token).get(`/api/v1/enrollments/${methadoneId}`)).status).toBe(404);
      expect((await end(clinQ, methadoneId, { endDate: '2026-11-01', outcome: 'completed' })).status).toBe(404);
      expect((await t.as(clinQ.token).post(`/api/v1/enrollments/${methadoneId}/doses`, { date: '2026-11-01', status: 'taken', doseMg: 60 })).status).toBe(404);
      expect((await t.as(clinQ.token).get(`/api/v1/enrollments/${methadoneId}/doses`)).status).toBe(404);
      expect((await t.as(cwQ.token).get(`/api/v1/enrollments/${methadoneId}`)).status).toBe(404);
      // A commune worker reads it but may not end it.
      expect((await end(cw1, methadoneId, { endDate: '2026-11-01', outcome: 'completed' })).status).toBe(403);
    });

    it('lets facility staff enroll a stay at their own rehabilitation facility only', async () => {
      const q = await person(t, w.c3);
      expect((await enroll(fac, q.id, { type: 'facility', mode: 'voluntary', facilityId: w.rehabQ, startDate: '2026-06-01' })).status).toBe(403);
      const r = await enroll(fac, q.id, { type: 'facility', mode: 'voluntary', facilityId: w.rehabP, startDate: '2026-06-01', plannedEndDate: '2026-12-01' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ type: 'facility', mode: 'voluntary', facilityId: w.rehabP });
    });
  });

  describe('validation and one active enrollment per type', () => {
    let p: TreatmentPerson;
    beforeAll(async () => {
      p = await person(t, w.c1);
    });

    it('requires a facility of the right type for methadone and facility stays (400 naming facilityId)', async () => {
      let r = await enroll(adm, p.id, { type: 'methadone', startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('facilityId');
      r = await enroll(adm, p.id, { type: 'methadone', facilityId: w.rehabP, startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('facilityId: must be a methadone clinic');
      r = await enroll(adm, p.id, { type: 'facility', mode: 'compulsory', facilityId: w.clinicP, startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('facilityId: must be a rehabilitation facility');
      r = await enroll(adm, p.id, { type: 'facility', mode: 'compulsory', startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('facilityId');
      r = await enroll(adm, p.id, { type: 'methadone', facilityId: '00000000-0000-4000-8000-000000000000', startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('facilityId: no such facility');
    });

    it('requires a mode for facility stays and keeps community treatment voluntary (400 naming mode)', async () => {
      let r = await enroll(adm, p.id, { type: 'facility', facilityId: w.rehabP, startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('mode');
      r = await enroll(adm, p.id, { type: 'community', mode: 'compulsory', startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('mode');
      r = await enroll(adm, p.id, { type: 'facility', mode: 'forced', facilityId: w.rehabP, startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('mode');
    });

    it('refuses unordered and malformed dates and unknown fields (400 naming the field)', async () => {
      let r = await enroll(adm, p.id, { type: 'community', startDate: '2026-06-01', plannedEndDate: '2026-05-31' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('plannedEndDate');
      r = await enroll(adm, p.id, { type: 'community', startDate: '2026-02-30' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('startDate');
      r = await enroll(adm, p.id, { type: 'detox', startDate: '2026-06-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('type');
      r = await enroll(adm, p.id, { type: 'community', startDate: '2026-06-01', status: 'ended' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('status');
      expect((await t.as(adm.token).get(`/api/v1/persons/${p.id}/enrollments`)).body.total).toBe(0);
    });

    it('allows one active enrollment per type (409), another type alongside, and a new one after the end', async () => {
      const first = await enroll(adm, p.id, { type: 'community', startDate: '2026-06-01' });
      expect(first.status).toBe(201);
      const second = await enroll(adm, p.id, { type: 'community', startDate: '2026-07-01' });
      expect(second.status).toBe(409);
      expect(second.body.message).toMatch(/already has an active community enrollment/);
      expect((await enroll(adm, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-07-01' })).status).toBe(201);
      expect((await end(adm, first.body.id, { endDate: '2026-08-01', outcome: 'dropped_out' })).status).toBe(200);
      expect((await enroll(adm, p.id, { type: 'community', startDate: '2026-09-01' })).status).toBe(201);
    });

    it('lets exactly one of two parallel enrollments of one type through', async () => {
      const q = await person(t, w.c1);
      const replies = await Promise.all(
        [1, 2, 3].map(() => enroll(clin, q.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-07-01' })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM enrollments WHERE person_id = $1`, [q.id]);
      expect(n).toBe(1);
    });
  });

  describe('legal terms in force on the start date', () => {
    const stay = (startDate: string, plannedEndDate: string) => ({ type: 'facility', mode: 'compulsory', facilityId: w.rehabP, startDate, plannedEndDate });

    it('accepts a 12-month compulsory stay of an adult starting in 2025 (Law 73/2021)', async () => {
      const p = await person(t, w.c1, { dateOfBirth: '1990-05-01' });
      const r = await enroll(fac, p.id, stay('2025-03-01', '2026-02-28'));
      expect(r.status).toBe(201);
    });

    it('refuses a 12-month compulsory stay of an adult starting after 1 July 2026, naming the rule (Law 120/2025)', async () => {
      const p = await person(t, w.c1, { dateOfBirth: '1990-05-01' });
      const r = await enroll(fac, p.id, stay('2026-08-01', '2027-07-31'));
      expect(r.status).toBe(400);
      expect(r.body.message).toEqual([
        'plannedEndDate: a term of 24 months applies (rule L120-2025-first, Law 120/2025/QH15, ' +
          'in force on 2026-08-01): the planned end must fall between 2028-07-31 and 2028-08-01',
      ]);
      expect((await enroll(fac, p.id, stay('2026-08-01', '2028-07-31'))).status).toBe(201);
    });

    it('holds a minor to 6-12 months: 12 accepted, 18 refused in 2025', async () => {
      const a = await person(t, w.c1, { dateOfBirth: '2010-05-01' });
      expect((await enroll(fac, a.id, stay('2025-03-01', '2026-02-28'))).status).toBe(201);
      const b = await person(t, w.c1, { dateOfBirth: '2010-05-01' });
      const r = await enroll(fac, b.id, stay('2025-03-01', '2026-08-31'));
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('plannedEndDate');
      expect(messageOf(r)).toContain('L73-2021-compulsory-minor');
      expect(messageOf(r)).toContain('Law 73/2021/QH15');
      expect(messageOf(r)).toContain('between 2025-08-31 and 2026-03-01');
    });

    it('holds voluntary treatment to 6-12 months under Law 73/2021', async () => {
      const p = await person(t, w.c1);
      const r = await enroll(cw1, p.id, { type: 'community', startDate: '2025-03-01', plannedEndDate: '2026-04-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('L73-2021-voluntary');
      expect((await enroll(cw1, p.id, { type: 'community', startDate: '2025-03-01', plannedEndDate: '2025-08-31' })).status).toBe(201);
    });

    it('requires 36 months for a repeat treatment from July 2026', async () => {
      const p = await person(t, w.c1);
      await t.db.query(
        `INSERT INTO enrollments (person_id, type, mode, start_date, end_date, outcome, status) VALUES ($1, 'community', 'voluntary', '2024-01-01', '2024-07-01', 'completed', 'ended')`,
        [p.id],
      );
      const r = await enroll(cw1, p.id, { type: 'community', startDate: '2026-09-01', plannedEndDate: '2028-08-31' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('L120-2025-repeat');
      expect((await enroll(cw1, p.id, { type: 'community', startDate: '2026-09-01', plannedEndDate: '2029-08-31' })).status).toBe(201);
    });

    it('does not apply treatment terms to methadone maintenance', async () => {
      const p = await person(t, w.c1);
      expect((await enroll(clin, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2025-03-01', plannedEndDate: '2030-03-01' })).status).toBe(201);
    });
  });

  describe('ending', () => {
    it('checks the end date and outcome (400 naming the field), the role, and refuses ending twice (409)', async () => {
      const p = await person(t, w.c1);
      const e = (await enroll(clin, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-03-01' })).body;
      let r = await end(clin, e.id, { endDate: '2026-11-21', outcome: 'dropped_out' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('endDate: must not be in the future');
      r = await end(clin, e.id, { endDate: '2026-02-28', outcome: 'dropped_out' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('endDate');
      r = await end(clin, e.id, { endDate: '2026-10-01', outcome: 'cured' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('outcome');
      r = await end(clin, e.id, { endDate: '2026-10-01' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('outcome');
      r = await end(po, e.id, { endDate: '2026-10-01', outcome: 'dropped_out' });
      expect(r.status).toBe(403);
      r = await end(clin, e.id, { endDate: TODAY, outcome: 'dropped_out' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ended', endDate: TODAY, outcome: 'dropped_out', supervision: null });
      expect((await end(clin, e.id, { endDate: TODAY, outcome: 'completed' })).status).toBe(409);
      expect((await auditOf(t, 'enrollment', e.id)).map((a) => [a.action, [...a.fields].sort()])).toEqual([
        ['create', ['facilityId', 'startDate', 'type']],
        ['end', ['endDate', 'outcome', 'status']],
      ]);
      expect((await supervisionsOf(p.id)).total).toBe(0);
    });
  });

  describe('completion opens a post-rehab supervision', () => {
    const completeStay = async (dateOfBirth: string, mode: 'voluntary' | 'compulsory', startDate: string, plannedEndDate: string, endDate: string) => {
      const p = await person(t, w.c1, { dateOfBirth });
      const e = await enroll(fac, p.id, { type: 'facility', mode, facilityId: w.rehabP, startDate, plannedEndDate });
      expect(e.status).toBe(201);
      const r = await end(fac, e.body.id, { endDate, outcome: 'completed' });
      expect(r.status).toBe(200);
      return { p, enrollmentId: e.body.id as string, reply: r };
    };

    it('for 2 years after a compulsory stay of an adult, from the day after the end, with follow-ups every 30 days', async () => {
      const { p, enrollmentId, reply } = await completeStay('1990-05-01', 'compulsory', '2025-03-01', '2026-02-28', '2026-02-28');
      const s = reply.body.supervision;
      expect(s).toMatchObject({
        personId: p.id,
        sourceEnrollmentId: enrollmentId,
        startDate: '2026-03-01',
        endDate: '2028-02-29',
        intervalDays: 30,
        status: 'active',
        // The supervision opens to a worker of the residence commune (C1's only worker here).
        supervisorUserId: cw1.id,
      });
      const dues = s.followUps.map((f: any) => f.dueDate);
      expect(dues).toEqual(everyInterval('2026-03-01', '2028-02-29'));
      expect(dues).toHaveLength(24);
      expect(dues.slice(0, 3)).toEqual(['2026-03-31', '2026-04-30', '2026-05-30']);
      expect(dues.at(-1)).toBe('2028-02-19');
      expect(s.followUps.every((f: any) => f.status === 'scheduled' && f.visitId === null)).toBe(true);

      // The commune sees it in the person's supervisions; it is audited with its source.
      const list = await t.as(cw1.token).get(`/api/v1/persons/${p.id}/supervisions`);
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({ id: s.id, startDate: '2026-03-01', endDate: '2028-02-29' });
      expect(list.body.items[0].followUps).toHaveLength(24);
      const audit = await auditOf(t, 'supervision', s.id);
      expect(audit.map((a) => a.action)).toEqual(['create']);
      expect(audit[0].meta).toMatchObject({ sourceEnrollmentId: enrollmentId, followUpsPlanned: 24 });
    });

    it('for 1 year after a voluntary stay', async () => {
      const { reply } = await completeStay('1990-05-01', 'voluntary', '2025-09-01', '2026-02-28', '2026-02-28');
      const s = reply.body.supervision;
      expect([s.startDate, s.endDate]).toEqual(['2026-03-01', '2027-02-28']);
      expect(s.followUps.map((f: any) => f.dueDate)).toEqual(everyInterval('2026-03-01', '2027-02-28'));
      expect(s.followUps).toHaveLength(12);
      expect(s.followUps.at(-1).dueDate).toBe('2027-02-24');
    });

    it('for 1 year after a compulsory stay of a minor', async () => {
      const { reply } = await completeStay('2010-05-01', 'compulsory', '2025-03-01', '2026-02-28', '2026-02-27');
      const s = reply.body.supervision;
      expect([s.startDate, s.endDate]).toEqual(['2026-02-28', '2027-02-27']);
      expect(s.followUps.map((f: any) => f.dueDate).slice(0, 2)).toEqual(['2026-03-30', '2026-04-29']);
      expect(s.followUps.at(-1).dueDate).toBe('2027-02-23');
    });

    it('for 2 years when a minor at the start is 18 at the end of a compulsory stay', async () => {
      const { reply } = await completeStay('2008-02-27', 'compulsory', '2025-03-01', '2026-02-28', '2026-02-27');
      expect([reply.body.supervision.startDate, reply.body.supervision.endDate]).toEqual(['2026-02-28', '2028-02-27']);
    });

    it('for 1 year after community and methadone treatment', async () => {
      const p = await person(t, w.c1);
      const e = await enroll(cw1, p.id, { type: 'community', startDate: '2025-06-01', plannedEndDate: '2025-11-30' });
      const r = await end(cw1, e.body.id, { endDate: '2025-11-30', outcome: 'completed' });
      expect(r.status).toBe(200);
      expect([r.body.supervision.startDate, r.body.supervision.endDate]).toEqual(['2025-12-01', '2026-11-30']);
      expect(r.body.supervision.followUps.map((f: any) => f.dueDate)).toEqual(everyInterval('2025-12-01', '2026-11-30'));

      const q = await person(t, w.c1);
      const m = await enroll(clin, q.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2024-01-10' });
      const rm = await end(clin, m.body.id, { endDate: '2026-05-31', outcome: 'completed' });
      expect([rm.body.supervision.startDate, rm.body.supervision.endDate]).toEqual(['2026-06-01', '2027-05-31']);
      expect(rm.body.supervision.followUps).toHaveLength(12);
    });

    it('not when the person is already under an active supervision, nor for other outcomes', async () => {
      const p = await person(t, w.c1);
      await t.db.query(`INSERT INTO supervisions (person_id, start_date, end_date) VALUES ($1, '2026-01-01', '2026-12-31')`, [p.id]);
      const e = await enroll(cw1, p.id, { type: 'community', startDate: '2026-03-01' });
      const r = await end(cw1, e.body.id, { endDate: '2026-10-01', outcome: 'completed' });
      expect(r.status).toBe(200);
      expect(r.body.supervision).toBeNull();
      expect((await supervisionsOf(p.id)).total).toBe(1);

      const q = await person(t, w.c1);
      const f = await enroll(fac, q.id, { type: 'facility', mode: 'voluntary', facilityId: w.rehabP, startDate: '2026-03-01' });
      const rq = await end(fac, f.body.id, { endDate: '2026-10-01', outcome: 'relapsed' });
      expect(rq.body.supervision).toBeNull();
      expect((await supervisionsOf(q.id)).total).toBe(0);
    });

    it('rolls the end back when the supervision cannot be written', async () => {
      const p = await person(t, w.c1);
      const e = await enroll(cw1, p.id, { type: 'community', startDate: '2026-03-01' });
      // A check that refuses this person's supervision rows makes the opening fail: the end must roll back with it.
      await t.db.query(`ALTER TABLE supervisions ADD CONSTRAINT ck_test_refuse CHECK (person_id <> '${p.id}')`);
      try {
        const r = await end(cw1, e.body.id, { endDate: '2026-10-01', outcome: 'completed' });
        expect(r.status).toBe(400);
      } finally {
        await t.db.query(`ALTER TABLE supervisions DROP CONSTRAINT ck_test_refuse`);
      }
      const again = await t.as(cw1.token).get(`/api/v1/enrollments/${e.body.id}`);
      expect(again.body).toMatchObject({ status: 'active', endDate: null, outcome: null });
      expect(await auditOf(t, 'enrollment', e.body.id)).toHaveLength(1);
    });
  });
});
