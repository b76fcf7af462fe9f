import { SupervisionRepository } from '../../src/modules/supervision/supervision.repository.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { at, auditOf, person, type TreatmentPerson } from '../support/treatment-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';
const messageOf = (r: Reply) => JSON.stringify(r.body.message);

/** Due dates every `interval` days after `anchor` up to `end`, counted with plain UTC arithmetic. */
function everyInterval(anchor: string, end: string, interval = 30): string[] {
  const out: string[] = [];
  const endMs = Date.parse(`${end}T00:00:00Z`);
  for (let ms = Date.parse(`${anchor}T00:00:00Z`) + interval * 86_400_000; ms <= endMs; ms += interval * 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

describe('post-rehab supervision', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cw1: TestUser;
  let cw1b: TestUser;
  let cwQ: TestUser;
  let clin: TestUser;
  let po: TestUser;

  const open = (u: TestUser, personId: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/persons/${personId}/supervisions`, body);
  const visit = (u: TestUser, id: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/supervisions/${id}/visits`, body);
  const get = (u: TestUser, id: string) => t.as(u.token).get(`/api/v1/supervisions/${id}`);
  const homeVisit = (visitDate: string) => ({ visitDate, method: 'home_visit', drugTest: 'negative' });
  const statuses = (s: { followUps: { dueDate: string; status: string }[] }) => s.followUps.map((f) => `${f.dueDate} ${f.status}`);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    cw1 = await user(t, 'commune_worker', w.c1);
    cw1b = await user(t, 'commune_worker', w.c1);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    po = await user(t, 'province_officer', w.p);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  describe('opening', () => {
    it('plans a one-year term with a follow-up every 30 days after the start, supervised by the caller', async () => {
      const p = await person(t, w.c1);
      const r = await open(cw1, p.id, { startDate: '2026-06-01' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        personId: p.id,
        sourceEnrollmentId: null,
        startDate: '2026-06-01',
        endDate: '2027-05-31',
        intervalDays: 30,
        supervisorUserId: cw1.id,
        status: 'active',
        outcome: null,
        endedOn: null,
        version: 1,
      });
      expect(r.body.followUps.map((f: any) => f.dueDate)).toEqual([
        '2026-07-01', '2026-07-31', '2026-08-30', '2026-09-29', '2026-10-29', '2026-11-28',
        '2026-12-28', '2027-01-27', '2027-02-26', '2027-03-28', '2027-04-27', '2027-05-27',
      ]);
      const audit = await auditOf(t, 'supervision', r.body.id);
      expect(audit.map((a) => [a.action, a.fields])).toEqual([['create', ['startDate']]]);
      expect(audit[0].meta).toMatchObject({ followUpsPlanned: 12 });
    });

    it('takes two years after a compulsory stay of an adult given as the source', async () => {
      const p = await person(t, w.c1, { dateOfBirth: '1985-01-01' });
      const [{ id: source }] = await t.db.query(
        `INSERT INTO enrollments (person_id, type, mode, facility_id, start_date, end_date, outcome, status)
         VALUES ($1, 'facility', 'compulsory', $2, '2025-01-01', '2026-05-31', 'completed', 'ended') RETURNING id`,
        [p.id, w.rehabP],
      );
      const r = await open(adm, p.id, { startDate: '2026-06-01', sourceEnrollmentId: source });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ sourceEnrollmentId: source, endDate: '2028-05-31' });
      // Opened by an admin: a worker of the residence commune C1 answers for it.
      expect([cw1.id, cw1b.id]).toContain(r.body.supervisorUserId);
      expect(r.body.followUps.map((f: any) => f.dueDate)).toEqual(everyInterval('2026-06-01', '2028-05-31'));
    });

    it('follows an explicit end date and interval, the last follow-up on the end date itself', async () => {
      const p = await person(t, w.c1);
      const r = await open(cw1, p.id, { startDate: '2026-01-01', endDate: '2026-04-01', intervalDays: 30, supervisorUserId: cw1b.id });
      expect(r.status).toBe(201);
      expect(r.body.supervisorUserId).toBe(cw1b.id);
      expect(r.body.followUps.map((f: any) => f.dueDate)).toEqual(['2026-01-31', '2026-03-02', '2026-04-01']);
    });

    it('refuses a second active supervision (409) and bad input (400 naming the field)', async () => {
      const p = await person(t, w.c1);
      expect((await open(cw1, p.id, { startDate: '2026-06-01' })).status).toBe(201);
      expect((await open(cw1, p.id, { startDate: '2026-07-01' })).status).toBe(409);
      const q = await person(t, w.c1);
      const other = await person(t, w.c1);
      const [{ id: foreign }] = await t.db.query(
        `INSERT INTO enrollments (person_id, type, mode, start_date) VALUES ($1, 'community', 'voluntary', '2026-01-01') RETURNING id`,
        [other.id],
      );
      const cases: [Record<string, unknown>, string][] = [
        [{ startDate: '2026-06-01', endDate: '2026-05-31' }, 'endDate'],
        [{ startDate: '2026-06-31' }, 'startDate'],
        [{ startDate: '2026-06-01', intervalDays: 0 }, 'intervalDays'],
        [{ startDate: '2026-06-01', intervalDays: 400 }, 'intervalDays'],
        [{ startDate: '2026-06-01', supervisorUserId: clin.id }, 'supervisorUserId'],
        [{ startDate: '2026-06-01', sourceEnrollmentId: foreign }, 'sourceEnrollmentId'],
      ];
      for (const [body, field] of cases) {
        const r = await open(cw1, q.id, body);
        expect([field, r.status, messageOf(r).includes(field)]).toEqual([field, 400, true]);
      }
      expect((await t.as(cw1.token).get(`/api/v1/persons/${q.id}/supervisions`)).body.total).toBe(0);
    });

    it('is commune work: 403 to clinic staff and province officers, 404 outside scope', async () => {
      const p = await person(t, w.c1);
      const s = (await open(cw1, p.id, { startDate: '2026-06-01' })).body;
      expect((await open(clin, p.id, { startDate: '2026-06-01' })).status).toBe(403);
      expect((await t.as(po.token).get(`/api/v1/persons/${p.id}/supervisions`)).status).toBe(403);
      expect((await get(po, s.id)).status).toBe(403);
      expect((await get(clin, s.id)).status).toBe(403);
      expect((await get(cwQ, s.id)).status).toBe(404);
      expect((await t.as(cwQ.token).get(`/api/v1/persons/${p.id}/supervisions`)).status).toBe(404);
      expect((await visit(cwQ, s.id, homeVisit('2026-07-01'))).status).toBe(404);
      expect((await t.as(cwQ.token).patch(`/api/v1/supervisions/${s.id}`, { version: 1, intervalDays: 14 })).status).toBe(404);
      expect((await t.as(cwQ.token).post(`/api/v1/supervisions/${s.id}/end`, { endedOn: TODAY, outcome: 'completed' })).status).toBe(404);
      expect((await get(cw1, s.id)).status).toBe(200);
    });
  });

  describe('visits', () => {
    let p: TreatmentPerson;
    let s: any;

    beforeAll(async () => {
      p = await person(t, w.c1);
      s = (await open(cw1, p.id, { startDate: '2026-06-01' })).body;
    });

    it('complete the earliest scheduled follow-up, resolving its reminders, audited', async () => {
      const first = s.followUps[0];
      await t.db.query(
        `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_due', $1, $2, $3, 'follow-up due')`,
        [p.id, first.id, first.dueDate],
      );
      const r = await visit(cw1, s.id, { ...homeVisit('2026-07-02'), relapse: false, notes: 'Gặp tại nhà' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ supervisionId: s.id, followUpId: first.id, visitDate: '2026-07-02', method: 'home_visit', drugTest: 'negative', relapse: false, recordedBy: cw1.id });
      const after = (await get(cw1, s.id)).body;
      expect(after.followUps[0]).toMatchObject({ id: first.id, status: 'done', visitId: r.body.id });
      expect(after.followUps.slice(1).every((f: any) => f.status === 'scheduled')).toBe(true);
      expect(after.visits.map((v: any) => v.id)).toEqual([r.body.id]);
      const [reminder] = await t.db.query(`SELECT status FROM reminders WHERE subject_id = $1`, [first.id]);
      expect(reminder.status).toBe('resolved');
      const audit = await auditOf(t, 'visit', r.body.id);
      expect(audit.map((a) => [a.action, [...a.fields].sort()])).toEqual([['create', ['drugTest', 'method', 'notes', 'relapse', 'visitDate']]]);
      expect(JSON.stringify(audit)).not.toContain('Gặp');
    });

    it('skip follow-ups already missed, and two parallel visits complete two different follow-ups', async () => {
      await t.db.query(`UPDATE follow_ups SET status = 'missed' WHERE supervision_id = $1 AND due_date = '2026-07-31'`, [s.id]);
      const replies = await Promise.all([visit(cw1, s.id, homeVisit('2026-09-01')), visit(cw1b, s.id, { ...homeVisit('2026-09-02'), method: 'phone', drugTest: 'not_done' })]);
      expect(replies.map((r) => r.status)).toEqual([201, 201]);
      const after = (await get(cw1, s.id)).body;
      expect(statuses(after).slice(0, 5)).toEqual([
        '2026-07-01 done',
        '2026-07-31 missed',
        '2026-08-30 done',
        '2026-09-29 done',
        '2026-10-29 scheduled',
      ]);
      expect(new Set(replies.map((r) => r.body.followUpId)).size).toBe(2);
    });

    it('refuse future dates, dates before the start and unknown methods or tests (400 naming the field)', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [homeVisit('2026-11-21'), 'visitDate'],
        [homeVisit('2026-05-31'), 'visitDate'],
        [{ ...homeVisit('2026-10-01'), method: 'email' }, 'method'],
        [{ ...homeVisit('2026-10-01'), drugTest: 'maybe' }, 'drugTest'],
        [{ ...homeVisit('2026-10-01'), relapse: 'no' }, 'relapse'],
        [{ method: 'phone', drugTest: 'negative' }, 'visitDate'],
      ];
      for (const [body, field] of cases) {
        const r = await visit(cw1, s.id, body);
        expect([field, r.status, messageOf(r).includes(field)]).toEqual([field, 400, true]);
      }
      expect((await get(cw1, s.id)).body.visits).toHaveLength(3);
    });

    it('are still recorded when no follow-up is open', async () => {
      const q = await person(t, w.c1);
      const short = (await open(cw1, q.id, { startDate: '2026-10-01', endDate: '2026-10-31' })).body;
      expect(short.followUps.map((f: any) => f.dueDate)).toEqual(['2026-10-31']);
      expect((await visit(cw1, short.id, homeVisit('2026-10-30'))).body.followUpId).toBe(short.followUps[0].id);
      const extra = await visit(cw1, short.id, { ...homeVisit('2026-11-02'), drugTest: 'positive', relapse: true });
      expect(extra.status).toBe(201);
      expect(extra.body).toMatchObject({ followUpId: null, relapse: true, drugTest: 'positive' });
    });
  });

  describe('changing and ending', () => {
    let p: TreatmentPerson;
    let s: any;

    beforeAll(async () => {
      p = await person(t, w.c1);
      s = (await open(cw1, p.id, { startDate: '2026-06-01' })).body;
      await visit(cw1, s.id, homeVisit('2026-07-01'));
      await t.db.query(`UPDATE follow_ups SET status = 'missed' WHERE supervision_id = $1 AND due_date = '2026-07-31'`, [s.id]);
    });

    it('refuses a stale version (409) and changes nothing', async () => {
      const r = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: 7, intervalDays: 14 });
      expect(r.status).toBe(409);
      const after = (await get(cw1, s.id)).body;
      expect([after.version, after.intervalDays, after.followUps.length]).toEqual([1, 30, 12]);
    });

    it('lets only one of two parallel changes from the same version through', async () => {
      const q = await person(t, w.c1);
      const other = (await open(cw1, q.id, { startDate: '2026-06-01' })).body;
      const replies = await Promise.all([
        t.as(cw1.token).patch(`/api/v1/supervisions/${other.id}`, { version: 1, intervalDays: 14 }),
        t.as(cw1b.token).patch(`/api/v1/supervisions/${other.id}`, { version: 1, intervalDays: 21 }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = replies.find((r) => r.status === 200)!.body;
      const after = (await get(cw1, other.id)).body;
      expect([after.version, after.intervalDays]).toEqual([2, winner.intervalDays]);
      expect(after.followUps.filter((f: any) => f.dueDate > TODAY).map((f: any) => f.dueDate)).toEqual(
        everyInterval('2026-10-29', '2027-05-31', winner.intervalDays).filter((d) => d > TODAY),
      );
    });

    it('re-plans only the future scheduled follow-ups on a new interval, from the last one kept', async () => {
      const dropped = s.followUps.find((f: any) => f.dueDate === '2026-11-28');
      await t.db.query(
        `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_due', $1, $2, '2026-11-28', 'due')`,
        [p.id, dropped.id],
      );
      const r = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: 1, intervalDays: 14 });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ version: 2, intervalDays: 14, endDate: '2027-05-31' });
      // Kept: everything due up to today (2026-11-20); then every 14 days from 2026-10-29, after today.
      expect(statuses(r.body)).toEqual([
        '2026-07-01 done',
        '2026-07-31 missed',
        '2026-08-30 scheduled',
        '2026-09-29 scheduled',
        '2026-10-29 scheduled',
        ...everyInterval('2026-10-29', '2027-05-31', 14)
          .filter((d) => d > TODAY)
          .map((d) => `${d} scheduled`),
      ]);
      expect(r.body.followUps.filter((f: any) => f.dueDate > TODAY).map((f: any) => f.dueDate).slice(0, 3)).toEqual(['2026-11-26', '2026-12-10', '2026-12-24']);
      expect(r.body.followUps).toHaveLength(5 + 14);
      expect(r.body.followUps.map((f: any) => f.id)).not.toContain(dropped.id);
      expect((await t.db.query(`SELECT status FROM reminders WHERE subject_id = $1`, [dropped.id]))[0].status).toBe('resolved');
      const audit = await auditOf(t, 'supervision', s.id);
      expect(audit.at(-1)).toMatchObject({ action: 'update', fields: ['intervalDays'] });
    });

    it('re-plans on a new end date and changes the supervisor', async () => {
      const r = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: 2, endDate: '2027-01-31', supervisorUserId: cw1b.id });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ version: 3, endDate: '2027-01-31', supervisorUserId: cw1b.id });
      expect(r.body.followUps.filter((f: any) => f.dueDate > TODAY).map((f: any) => f.dueDate)).toEqual([
        '2026-11-26',
        '2026-12-10',
        '2026-12-24',
        '2027-01-07',
        '2027-01-21',
      ]);
      const bad = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: 3, endDate: '2026-05-01' });
      expect(bad.status).toBe(400);
      expect(messageOf(bad)).toContain('endDate');
      const noVersion = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { intervalDays: 10 });
      expect(noVersion.status).toBe(400);
      expect(messageOf(noVersion)).toContain('version');
      const unassign = await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: 3, supervisorUserId: null });
      expect(unassign.body).toMatchObject({ version: 4, supervisorUserId: null });
    });

    it('ends with an outcome, cancelling the scheduled follow-ups and resolving reminders', async () => {
      await t.db.query(
        `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('supervision_ending', $1, $2, '2027-01-31', 'ending')`,
        [p.id, s.id],
      );
      const missed = (await get(cw1, s.id)).body.followUps.find((f: any) => f.status === 'missed');
      await t.db.query(
        `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_overdue', $1, $2, $3, 'overdue')`,
        [p.id, missed.id, missed.dueDate],
      );
      let r = await t.as(cw1.token).post(`/api/v1/supervisions/${s.id}/end`, { endedOn: '2026-11-21', outcome: 'completed' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('endedOn');
      r = await t.as(cw1.token).post(`/api/v1/supervisions/${s.id}/end`, { endedOn: '2026-05-31', outcome: 'completed' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('endedOn');
      r = await t.as(cw1.token).post(`/api/v1/supervisions/${s.id}/end`, { endedOn: TODAY, outcome: 'graduated' });
      expect(r.status).toBe(400);
      expect(messageOf(r)).toContain('outcome');

      r = await t.as(cw1.token).post(`/api/v1/supervisions/${s.id}/end`, { endedOn: TODAY, outcome: 'moved_away' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ status: 'ended', outcome: 'moved_away', endedOn: TODAY, endDate: '2027-01-31' });
      expect(statuses(r.body)).toEqual([
        '2026-07-01 done',
        '2026-07-31 missed',
        '2026-08-30 cancelled',
        '2026-09-29 cancelled',
        '2026-10-29 cancelled',
        '2026-11-26 cancelled',
        '2026-12-10 cancelled',
        '2026-12-24 cancelled',
        '2027-01-07 cancelled',
        '2027-01-21 cancelled',
      ]);
      const [reminder] = await t.db.query(`SELECT status FROM reminders WHERE subject_id = $1`, [s.id]);
      expect(reminder.status).toBe('resolved');
      expect((await t.db.query(`SELECT status FROM reminders WHERE subject_id = $1`, [missed.id]))[0].status).toBe('resolved');
      expect((await auditOf(t, 'supervision', s.id)).at(-1)).toMatchObject({ action: 'end', meta: { followUpsCancelled: 8 } });

      expect((await t.as(cw1.token).post(`/api/v1/supervisions/${s.id}/end`, { endedOn: TODAY, outcome: 'completed' })).status).toBe(409);
      expect((await visit(cw1, s.id, homeVisit(TODAY))).status).toBe(409);
      expect((await t.as(cw1.token).patch(`/api/v1/supervisions/${s.id}`, { version: 5, intervalDays: 7 })).status).toBe(409);
      // A new supervision may follow the ended one.
      expect((await open(cw1, p.id, { startDate: '2026-11-21' })).status).toBe(201);
      const list = await t.as(cw1.token).get(`/api/v1/persons/${p.id}/supervisions`);
      expect(list.body.items.map((x: any) => [x.startDate, x.status])).toEqual([
        ['2026-11-21', 'active'],
        ['2026-06-01', 'ended'],
      ]);
    });
  });

  describe('the end body', () => {
    const end = (id: string, body: Record<string, unknown>) => t.as(cw1.token).post(`/api/v1/supervisions/${id}/end`, body);
    const opened = async () => {
      const r = await open(cw1, (await person(t, w.c1)).id, { startDate: '2026-06-01' });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };

    it('takes the day as endDate, as an enrollment end does, or as endedOn, and defaults to today', async () => {
      const byEndDate = await end(await opened(), { endDate: '2026-11-01', outcome: 'completed' });
      expect(byEndDate.status).toBe(200);
      expect(byEndDate.body).toMatchObject({ status: 'ended', endedOn: '2026-11-01', outcome: 'completed' });
      const byEndedOn = await end(await opened(), { endedOn: '2026-11-02', outcome: 'relapsed' });
      expect(byEndedOn.body).toMatchObject({ status: 'ended', endedOn: '2026-11-02', outcome: 'relapsed' });
      const byDefault = await end(await opened(), { outcome: 'moved_away' });
      expect(byDefault.status).toBe(200);
      expect(byDefault.body).toMatchObject({ status: 'ended', endedOn: TODAY, outcome: 'moved_away' });
    });

    it('refuses two different days, and names the field of a bad one', async () => {
      const id = await opened();
      const both = await end(id, { endDate: '2026-11-01', endedOn: '2026-11-02', outcome: 'completed' });
      expect(both.status).toBe(400);
      expect(messageOf(both)).toContain('endedOn');
      const future = await end(id, { endDate: '2099-01-01', outcome: 'completed' });
      expect(future.status).toBe(400);
      expect(messageOf(future)).toContain('endDate');
      const early = await end(id, { endDate: '2026-05-31', outcome: 'completed' });
      expect(early.status).toBe(400);
      expect(messageOf(early)).toContain('endDate');
      // Nothing was written by the refusals.
      expect((await t.as(cw1.token).get(`/api/v1/supervisions/${id}`)).body).toMatchObject({ status: 'active', endedOn: null });
    });
  });

  describe('missed follow-ups', () => {
    it('marks scheduled follow-ups missed once the grace days have passed, in active supervisions only', async () => {
      const p = await person(t, w.c2);
      const q = await person(t, w.c2);
      const [{ id: active }] = await t.db.query(`INSERT INTO supervisions (person_id, start_date, end_date) VALUES ($1, '2020-01-01', '2020-12-31') RETURNING id`, [p.id]);
      const [{ id: ended }] = await t.db.query(
        `INSERT INTO supervisions (person_id, start_date, end_date, status, outcome, ended_on) VALUES ($1, '2020-01-01', '2020-12-31', 'ended', 'other', '2020-03-05') RETURNING id`,
        [q.id],
      );
      await t.db.query(
        `INSERT INTO follow_ups (supervision_id, due_date, status) VALUES
           ($1, '2020-02-01', 'done'), ($1, '2020-03-01', 'scheduled'), ($1, '2020-03-03', 'scheduled'), ($1, '2020-03-04', 'scheduled'),
           ($2, '2020-02-01', 'scheduled')`,
        [active, ended],
      );
      const repository = t.app.get(SupervisionRepository);
      const markMissed = (today: string, graceDays: number) => repository.markMissed(t.db.manager, { dueBy: { today, graceDays } });
      expect(await markMissed('2020-03-10', 7)).toBe(2);
      const rows = await t.db.query(`SELECT supervision_id, due_date, status FROM follow_ups WHERE supervision_id IN ($1, $2) ORDER BY supervision_id = $2, due_date`, [
        active,
        ended,
      ]);
      expect(rows.map((r: any) => `${r.due_date} ${r.status}`)).toEqual([
        '2020-02-01 done',
        '2020-03-01 missed',
        '2020-03-03 missed',
        '2020-03-04 scheduled',
        '2020-02-01 scheduled',
      ]);
      expect(await markMissed('2020-03-10', 7)).toBe(0);
      expect(await markMissed('2020-03-11', 7)).toBe(1);
    });
  });
});
