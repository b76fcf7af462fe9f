import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { SWEEP_SCHEDULER } from '../../src/modules/reminders/reminders.jobs.js';
import { RemindersRepository } from '../../src/modules/reminders/reminders.repository.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import {
  dose,
  enrollment,
  followUp,
  person,
  raiseJobs,
  reminders,
  remindersOf,
  supervision,
  waitFor,
  type PersonRow,
} from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LEAD = 3;
const GRACE = 7;
const ALERT = 3;
const TODAY = '2026-03-10';

describe('reminders', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  /** 10:00 on a date in TZ_NAME. */
  const at = (date: string, ms = 10 * 3600_000) => new Date(t.clock.startOf(date).getTime() + ms);
  const startOf = (date: string) => t.clock.startOf(date).getTime();
  const queue = () => t.app.get(JobsService).queue('reminders');
  const keyOf = (r: { kind: string; subject_id: string; due_date: string }) => `${r.kind}.${r.subject_id}.${r.due_date}`;

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    expect([t.config.reminderLeadDays, t.config.reminderGraceDays, t.config.methadoneMissedAlertDays]).toEqual([LEAD, GRACE, ALERT]);
    // The sweep scheduled at start runs once at once; let it pass before the clock is moved.
    await waitFor(async () => (await queue().getJobs(['completed'])).some((j) => j?.name === 'sweep'), 15_000, 'first sweep');
    w = await world(t);
    adm = await admin(t);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });
  beforeEach(() => t.clock.set(at(TODAY)));

  describe('raising', () => {
    let p: PersonRow;
    let sup: string;
    let f1: string;
    let f2: string;
    let f3: string;
    let f4: string;
    let enr: string;

    beforeAll(async () => {
      t.clock.set(at(TODAY));
      p = await person(t.db, w.c1, { status: 'using', managementDecisionOn: '2025-03-20' });
      sup = await supervision(t.db, p.id, '2025-12-01', '2026-03-24');
      f1 = await followUp(t.db, sup, '2026-03-12'); // announced 03-09 (past), overdue 03-19
      f2 = await followUp(t.db, sup, '2026-02-20'); // overdue since 02-27 (past)
      f3 = await followUp(t.db, sup, '2026-03-20'); // announced 03-17, overdue 03-27
      f4 = await followUp(t.db, sup, '2026-06-01'); // beyond the planning horizon
      await followUp(t.db, sup, '2026-03-01', 'done');
      enr = await enrollment(t.db, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2025-10-01', plannedEndDate: '2026-04-20' });
      await reminders(t).replanForPerson(p.id);
    });

    it('raises at once every reminder whose moment has passed, through its job', async () => {
      const rows = await waitFor(async () => {
        const r = await remindersOf(t.db, p.id);
        return r.length >= 4 && r;
      }, 15_000, 'four reminders');
      expect(rows.map((r) => [r.kind, r.subject_id, r.due_date, r.status, r.facility_id])).toEqual([
        ['follow_up_due', f1, '2026-03-12', 'open', null],
        ['follow_up_overdue', f2, '2026-02-20', 'open', null],
        ['management_ending', p.id, '2026-03-19', 'open', null],
        ['supervision_ending', sup, '2026-03-24', 'open', null],
      ]);
      const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.message]));
      expect(byKind.follow_up_due).toBe(`Case ${p.caseCode}: follow-up visit due on 2026-03-12.`);
      expect(byKind.management_ending).toBe(`Case ${p.caseCode}: one-year management ends on 2026-03-19.`);
      // Messages name the case, never the person.
      expect(rows.some((r) => r.message.includes('Nguyen'))).toBe(false);
      // The overdue follow-up became missed; it was not announced as merely due.
      const [{ status }] = await t.db.query(`SELECT status FROM follow_ups WHERE id = $1`, [f2]);
      expect(status).toBe('missed');
      const completed = await waitFor(async () => {
        const jobs = (await raiseJobs(t.app)).filter((j) => j.finishedOn);
        return jobs.length === 4 && jobs;
      }, 10_000, 'four completed jobs');
      expect(completed.map((j) => j.id).sort()).toEqual(rows.map(keyOf).sort());
      expect(completed.every((j) => j.opts.delay === 0)).toBe(true);
    });

    it('plans future moments as delayed jobs with deterministic ids, up to the horizon', async () => {
      const now = at(TODAY).getTime();
      const delayed = (await queue().getJobs(['delayed'])).filter((j) => j.name === 'raise-reminder');
      expect(delayed.map((j) => [j.id, j.opts.delay]).sort()).toEqual(
        [
          [`follow_up_overdue.${f1}.2026-03-12`, startOf('2026-03-19') - now],
          [`follow_up_due.${f3}.2026-03-20`, startOf('2026-03-17') - now],
          [`follow_up_overdue.${f3}.2026-03-20`, startOf('2026-03-27') - now],
          [`enrollment_ending.${enr}.2026-04-20`, startOf('2026-04-05') - now],
        ].sort(),
      );
      expect(delayed.some((j) => j.data.subjectId === f4)).toBe(false);
      // Payloads carry ids and dates only.
      expect(Object.keys(delayed[0].data).sort()).toEqual(['dueDate', 'kind', 'personId', 'subjectId']);
      // Retries with backoff, failed jobs kept.
      expect(delayed[0].opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnFail: false });
    });

    it('raises each reminder once, however often jobs run and plans are made', async () => {
      const before = (await remindersOf(t.db, p.id)).map((r) => r.id);
      const jobsBefore = (await raiseJobs(t.app)).map((j) => j.id).sort();
      await reminders(t).replanForPerson(p.id);
      await reminders(t).replanForPerson(p.id);
      for (let i = 0; i < 2; i++) {
        const res = await t.as(adm.token).post('/api/v1/reminders/replan');
        expect(res.status).toBe(200);
        expect(res.body.raised).toBe(0);
      }
      // A job delivered again (or run by hand) finds its reminder raised.
      for (const job of (await raiseJobs(t.app)).filter((j) => j.finishedOn)) {
        expect(await reminders(t).raise(job.data)).toEqual({ raised: false });
      }
      const rows = await remindersOf(t.db, p.id);
      expect(rows.map((r) => r.id)).toEqual(before);
      expect((await raiseJobs(t.app)).map((j) => j.id).sort()).toEqual(jobsBefore);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM reminders WHERE person_id = $1`, [p.id]);
      expect(n).toBe(4);
    });

    it('raises a future reminder once the clock reaches its moment (sweep), and marks overdue follow-ups missed', async () => {
      t.clock.set(at('2026-03-17'));
      let res = await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ raised: 1, markedMissed: 0 });
      expect((await remindersOf(t.db, p.id)).filter((r) => r.subject_id === f3).map((r) => r.kind)).toEqual(['follow_up_due']);

      t.clock.set(at('2026-03-19'));
      res = await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(res.body).toMatchObject({ raised: 1, markedMissed: 1 });
      const f1Rows = (await remindersOf(t.db, p.id)).filter((r) => r.subject_id === f1);
      expect(f1Rows.map((r) => r.kind)).toEqual(['follow_up_due', 'follow_up_overdue']);
      expect(f1Rows[1].message).toBe(`Case ${p.caseCode}: follow-up visit due on 2026-03-12 was not done within 7 days; it is marked missed.`);
      const [{ status }] = await t.db.query(`SELECT status FROM follow_ups WHERE id = $1`, [f1]);
      expect(status).toBe('missed');
      // The delayed job for that moment, when it comes, raises nothing more.
      expect(await reminders(t).raise({ kind: 'follow_up_overdue', personId: p.id, subjectId: f1, dueDate: '2026-03-12' })).toEqual({
        raised: false,
      });
      expect(await remindersOf(t.db, p.id)).toHaveLength(6);
    });

    it('resolves a follow-up reminder when a visit completes it (resolve inside the transaction)', async () => {
      await t.db.transaction(async (m) => {
        const [{ id: visitId }] = await m.query(
          `INSERT INTO visits (supervision_id, follow_up_id, visit_date, method, drug_test) VALUES ($1, $2, $3, 'home_visit', 'negative') RETURNING id`,
          [sup, f3, TODAY],
        );
        await m.query(`UPDATE follow_ups SET status = 'done', visit_id = $2 WHERE id = $1`, [f3, visitId]);
        await t.app.get(RemindersRepository).resolve(m, f3, ['follow_up_due', 'follow_up_overdue']);
      });
      const f3Rows = (await remindersOf(t.db, p.id)).filter((r) => r.subject_id === f3);
      expect(f3Rows.map((r) => [r.kind, r.status])).toEqual([['follow_up_due', 'resolved']]);
      // Its pending overdue job finds nothing to raise.
      expect(await reminders(t).raise({ kind: 'follow_up_overdue', personId: p.id, subjectId: f3, dueDate: '2026-03-20' })).toEqual({
        raised: false,
      });
    });

    it('the sweep resolves reminders whose subject is done: supervision ended, file closed', async () => {
      await t.db.query(`UPDATE supervisions SET status = 'ended', outcome = 'completed', ended_on = $2 WHERE id = $1`, [sup, TODAY]);
      await t.db.query(`UPDATE follow_ups SET status = 'cancelled' WHERE supervision_id = $1 AND status = 'scheduled'`, [sup]);
      const res = await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(res.body.resolved).toBe(4); // supervision_ending, f1 due and overdue, f2 overdue
      const open = (await remindersOf(t.db, p.id)).filter((r) => r.status !== 'resolved');
      expect(open.map((r) => r.kind)).toEqual(['management_ending']);
      await t.db.query(`UPDATE persons SET closed_on = $2, close_reason = 'moved_away' WHERE id = $1`, [p.id, TODAY]);
      const again = await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(again.body.resolved).toBe(1);
      expect((await remindersOf(t.db, p.id)).every((r) => r.status === 'resolved')).toBe(true);
    });
  });

  it('raises a job planned two seconds ahead at its moment, not before', async () => {
    const p = await person(t.db, w.c2);
    const sup = await supervision(t.db, p.id, '2026-01-01', '2026-12-31');
    const f = await followUp(t.db, sup, '2026-04-01');
    t.clock.set(new Date(startOf('2026-03-29') - 2_000));
    await reminders(t).replanForPerson(p.id);
    const [job] = (await queue().getJobs(['delayed'])).filter((j) => j.data.subjectId === f && j.data.kind === 'follow_up_due');
    expect(job.opts.delay).toBe(2_000);
    expect(await remindersOf(t.db, p.id)).toEqual([]);
    const rows = await waitFor(async () => {
      const r = await remindersOf(t.db, p.id);
      return r.length > 0 && r;
    }, 10_000, 'the delayed reminder');
    expect(rows.map((r) => [r.kind, r.subject_id, r.due_date])).toEqual([['follow_up_due', f, '2026-04-01']]);
    const done = await waitFor(async () => {
      const j = await queue().getJob(job.id!);
      return j && j.finishedOn ? j : undefined;
    }, 5_000, 'job completion');
    expect(done.processedOn! - done.timestamp).toBeGreaterThanOrEqual(1_900);
  });

  it('announces management ends for using files only, and routes a community enrollment end to the commune alone', async () => {
    const using = await person(t.db, w.c3, { status: 'using', managementDecisionOn: '2025-03-24' });
    const addicted = await person(t.db, w.c3, { status: 'addicted', managementDecisionOn: '2025-03-24' });
    const community = await enrollment(t.db, addicted.id, { type: 'community', startDate: '2025-09-24', plannedEndDate: '2026-03-23' });
    const res = await t.as(adm.token).post('/api/v1/reminders/replan');
    expect(res.body.raised).toBe(2);
    expect((await remindersOf(t.db, using.id)).map((r) => [r.kind, r.subject_id, r.due_date])).toEqual([
      ['management_ending', using.id, '2026-03-23'],
    ]);
    expect((await remindersOf(t.db, addicted.id)).map((r) => [r.kind, r.subject_id, r.due_date, r.facility_id])).toEqual([
      ['enrollment_ending', community, '2026-03-23', null],
    ]);
  });

  describe('missed doses', () => {
    it('alerts the clinic after 3 missed days in a row, claims no self-termination before the count of the law, and a taken dose resolves it', async () => {
      const p = await person(t.db, w.c1);
      const enr = await enrollment(t.db, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-01-01' });
      await dose(t.db, enr, '2026-03-01', 'taken');
      await dose(t.db, enr, '2026-03-02', 'missed');
      await dose(t.db, enr, '2026-03-03', 'missed');
      await dose(t.db, enr, '2026-03-04', 'taken');
      await dose(t.db, enr, '2026-03-05', 'missed');
      await dose(t.db, enr, '2026-03-06', 'missed');
      await reminders(t).replanForPerson(p.id);
      await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(await remindersOf(t.db, p.id)).toEqual([]); // two in a row, twice: no alert

      await dose(t.db, enr, '2026-03-07', 'missed');
      await reminders(t).replanForPerson(p.id);
      let rows = await waitFor(async () => {
        const r = await remindersOf(t.db, p.id);
        return r.length > 0 && r;
      }, 10_000, 'missed-dose alert');
      expect(rows.map((r) => [r.kind, r.subject_id, r.due_date, r.facility_id, r.status])).toEqual([
        ['missed_doses', enr, '2026-03-05', w.clinicP, 'open'],
      ]);
      expect(rows[0].message).toBe(`Case ${p.caseCode}: alert: 3 or more methadone doses missed in a row since 2026-03-05.`);

      // The clinic acknowledges; two more missed days make 5 in a row, but only 3 working days
      // (5-9 March 2026 spans a weekend): no self-termination under Decree 116/2021 Art 3(5), whose
      // count is 5 working days or 10 sessions (it used to be claimed from 5 calendar days). The
      // alert stays acknowledged: the same run, nothing new to say.
      const clinic = await user(t, 'clinic_staff', w.c1, w.clinicP);
      expect((await t.as(clinic.token).post(`/api/v1/reminders/${rows[0].id}/ack`)).status).toBe(200);
      await dose(t.db, enr, '2026-03-08', 'missed');
      await reminders(t).replanForPerson(p.id);
      await dose(t.db, enr, '2026-03-09', 'missed');
      await reminders(t).replanForPerson(p.id);
      await t.as(adm.token).post('/api/v1/reminders/replan');
      rows = await remindersOf(t.db, p.id);
      expect(rows.map((r) => [r.kind, r.due_date, r.status])).toEqual([['missed_doses', '2026-03-05', 'acknowledged']]);
      const ids = (await raiseJobs(t.app)).filter((j) => j.data.subjectId === enr).map((j) => j.id).sort();
      expect(ids).toEqual([`missed_doses.${enr}.2026-03-05`]);

      // A taken dose on the latest day ends the run: the treatment feature resolves in its transaction.
      await t.db.transaction(async (m) => {
        await m.query(`INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status) VALUES ($1, $2, 60, 'taken')`, [enr, TODAY]);
        await t.app.get(RemindersRepository).resolveStaleMissedDoses(m, enr);
      });
      expect((await remindersOf(t.db, p.id)).map((r) => r.status)).toEqual(['resolved']);
      await reminders(t).replanForPerson(p.id);
      await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(await remindersOf(t.db, p.id)).toHaveLength(1);
    });

    it('the sweep resolves a missed-dose reminder when the run is broken or the enrollment ends', async () => {
      const p = await person(t.db, w.c3);
      const enr = await enrollment(t.db, p.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-01-01', plannedEndDate: '2026-03-20' });
      for (const d of ['2026-03-06', '2026-03-07', '2026-03-08']) await dose(t.db, enr, d, 'missed');
      const res = await t.as(adm.token).post('/api/v1/reminders/replan');
      expect(res.body.raised).toBe(2); // the missed doses and the enrollment's planned end (announced 03-05)
      expect((await remindersOf(t.db, p.id)).map((r) => [r.kind, r.facility_id])).toEqual([
        ['enrollment_ending', w.clinicP],
        ['missed_doses', w.clinicP],
      ]);
      await dose(t.db, enr, '2026-03-09', 'taken');
      expect((await t.as(adm.token).post('/api/v1/reminders/replan')).body.resolved).toBe(1);
      await t.db.query(`UPDATE enrollments SET status = 'ended', end_date = $2, outcome = 'completed' WHERE id = $1`, [enr, TODAY]);
      expect((await t.as(adm.token).post('/api/v1/reminders/replan')).body.resolved).toBe(1);
      expect((await remindersOf(t.db, p.id)).map((r) => r.status)).toEqual(['resolved', 'resolved']);
    });
  });

  it('restores every pending job after the queue keys are deleted, and creates nothing twice', async () => {
    const p = await person(t.db, w.c2);
    const sup = await supervision(t.db, p.id, '2026-02-01', '2027-01-31');
    const due = ['2026-03-15', '2026-03-25', '2026-04-05'];
    for (const d of due) await followUp(t.db, sup, d);
    await reminders(t).replanForPerson(p.id);
    const pending = async () =>
      (await queue().getJobs(['delayed'])).filter((j) => j.data.personId === p.id).map((j) => `${j.id}@${j.opts.delay}`).sort();
    const before = await pending();
    expect(before).toHaveLength(6); // each follow-up: announced and overdue, all within the horizon
    expect(await queue().getJobScheduler(SWEEP_SCHEDULER)).toBeTruthy();

    await t.flushQueues();
    expect(await pending()).toEqual([]);
    expect(await queue().getJobScheduler(SWEEP_SCHEDULER)).toBeFalsy();

    const res = await t.as(adm.token).post('/api/v1/reminders/replan');
    expect(res.status).toBe(200);
    expect(await pending()).toEqual(before);
    expect(await queue().getJobScheduler(SWEEP_SCHEDULER)).toBeTruthy();
    const again = await t.as(adm.token).post('/api/v1/reminders/replan');
    expect(again.body.planned).toBe(res.body.planned);
    expect(await pending()).toEqual(before);
    expect(await remindersOf(t.db, p.id)).toEqual([]);
  });

  describe('routes and scope', () => {
    let p1: PersonRow;
    let p2: PersonRow;
    let rid: Record<string, string>;
    let c1Worker: TestUser;
    let c2Worker: TestUser;
    let officer: TestUser;
    let clinicP: TestUser;
    let clinicQ: TestUser;

    beforeAll(async () => {
      t.clock.set(at(TODAY));
      p1 = await person(t.db, w.c1);
      p2 = await person(t.db, w.qc);
      const s1 = await supervision(t.db, p1.id, '2025-06-01', '2026-03-20');
      await followUp(t.db, s1, '2026-03-11');
      const e1 = await enrollment(t.db, p1.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-01-01' });
      for (const d of ['2026-03-07', '2026-03-08', '2026-03-09']) await dose(t.db, e1, d, 'missed');
      const s2 = await supervision(t.db, p2.id, '2025-06-01', '2026-12-31');
      await followUp(t.db, s2, '2026-03-12');
      await t.as((await admin(t)).token).post('/api/v1/reminders/replan');
      const rows: { id: string; kind: string; person_id: string }[] = await t.db.query(
        `SELECT id, kind, person_id FROM reminders WHERE person_id IN ($1, $2)`,
        [p1.id, p2.id],
      );
      rid = Object.fromEntries(rows.map((r) => [`${r.person_id === p1.id ? 'p1' : 'p2'}:${r.kind}`, r.id]));
      expect(Object.keys(rid).sort()).toEqual(['p1:follow_up_due', 'p1:missed_doses', 'p1:supervision_ending', 'p2:follow_up_due']);
      c1Worker = await user(t, 'commune_worker', w.c1);
      c2Worker = await user(t, 'commune_worker', w.c2);
      officer = await user(t, 'province_officer', w.p);
      clinicP = await user(t, 'clinic_staff', w.c1, w.clinicP);
      clinicQ = await user(t, 'clinic_staff', w.qc, w.clinicQ);
    });

    const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

    it('lists the caller scope, latest due first, with filters and paging', async () => {
      const mine = await t.as(c1Worker.token).get(`/api/v1/reminders?personId=${p1.id}`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
      expect(idsOf(mine.body)).toEqual([rid['p1:supervision_ending'], rid['p1:follow_up_due'], rid['p1:missed_doses']]);
      expect(mine.body.items[0]).toEqual({
        id: rid['p1:supervision_ending'],
        kind: 'supervision_ending',
        personId: p1.id,
        caseCode: p1.caseCode,
        subjectId: expect.any(String),
        dueDate: '2026-03-20',
        status: 'open',
        message: `Case ${p1.caseCode}: post-rehab supervision ends on 2026-03-20.`,
        facilityId: null,
        createdAt: expect.any(String),
        acknowledgedAt: null,
        resolvedAt: null,
      });
      const other = await t.as(c2Worker.token).get(`/api/v1/reminders?personId=${p1.id}`);
      expect(other.body).toMatchObject({ items: [], total: 0 });
      const all = await t.as(c1Worker.token).get('/api/v1/reminders?pageSize=100');
      expect(idsOf(all.body)).not.toContain(rid['p2:follow_up_due']);
      expect((await t.as(officer.token).get(`/api/v1/reminders?personId=${p1.id}&kind=follow_up_due`)).body.items.map((i: any) => i.id)).toEqual([
        rid['p1:follow_up_due'],
      ]);
      const paged = await t.as(c1Worker.token).get(`/api/v1/reminders?personId=${p1.id}&page=2&pageSize=2`);
      expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(idsOf(paged.body)).toEqual([rid['p1:missed_doses']]);
      const adminAll = await t.as(adm.token).get(`/api/v1/reminders?pageSize=100&status=open`);
      expect(idsOf(adminAll.body)).toEqual(expect.arrayContaining(Object.values(rid)));
    });

    it('shows clinic staff the reminders routed to their clinic only', async () => {
      const res = await t.as(clinicP.token).get(`/api/v1/reminders?personId=${p1.id}`);
      expect(idsOf(res.body)).toEqual([rid['p1:missed_doses']]);
      expect((await t.as(clinicQ.token).get(`/api/v1/reminders?personId=${p1.id}`)).body.total).toBe(0);
      expect((await t.as(clinicQ.token).post(`/api/v1/reminders/${rid['p1:missed_doses']}/ack`)).status).toBe(404);
      expect((await t.as(clinicP.token).post(`/api/v1/reminders/${rid['p1:follow_up_due']}/ack`)).status).toBe(404);
    });

    it('acknowledges in scope only: another commune gets 404, a province officer 403, a resolved one 409', async () => {
      const id = rid['p1:follow_up_due'];
      expect((await t.as(c2Worker.token).post(`/api/v1/reminders/${id}/ack`)).status).toBe(404);
      expect((await t.as(officer.token).post(`/api/v1/reminders/${id}/ack`)).status).toBe(403);
      const ok = await t.as(c1Worker.token).post(`/api/v1/reminders/${id}/ack`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id, status: 'acknowledged', acknowledgedAt: expect.any(String) });
      const again = await t.as(c1Worker.token).post(`/api/v1/reminders/${id}/ack`);
      expect(again.body.acknowledgedAt).toBe(ok.body.acknowledgedAt);
      const [row] = await t.db.query(`SELECT acknowledged_by FROM reminders WHERE id = $1`, [id]);
      expect(row.acknowledged_by).toBe(c1Worker.id);
      const audit = await t.db.query(`SELECT actor_id, action FROM audit_logs WHERE entity = 'reminder' AND entity_id = $1`, [id]);
      expect(audit).toEqual([{ actor_id: c1Worker.id, action: 'acknowledge' }]);
      const listed = await t.as(c1Worker.token).get(`/api/v1/reminders?personId=${p1.id}&status=acknowledged`);
      expect(idsOf(listed.body)).toEqual([id]);

      await t.db.query(`UPDATE reminders SET status = 'resolved', resolved_at = now() WHERE id = $1`, [rid['p1:supervision_ending']]);
      const res = await t.as(c1Worker.token).post(`/api/v1/reminders/${rid['p1:supervision_ending']}/ack`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409 });
    });

    it('validates filters and ids, and keeps re-planning to administrators', async () => {
      const bad = await t.as(c1Worker.token).get('/api/v1/reminders?kind=birthday&status=done&personId=x');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringContaining('kind'), expect.stringContaining('status'), expect.stringContaining('personId')]),
      );
      expect((await t.as(c1Worker.token).post('/api/v1/reminders/not-a-uuid/ack')).status).toBe(400);
      expect((await t.as(c1Worker.token).post('/api/v1/reminders/00000000-0000-4000-8000-000000000000/ack')).status).toBe(404);
      expect((await t.as(c1Worker.token).post('/api/v1/reminders/replan')).status).toBe(403);
      expect((await t.http.get('/api/v1/reminders')).status).toBe(401);
    });
  });
});
