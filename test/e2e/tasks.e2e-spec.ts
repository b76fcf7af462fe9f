import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { enrollmentRow, supervisionRow } from '../support/persons-factories.js';
import { at, person } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

interface Task {
  kind: string;
  subjectId: string;
  personId: string;
  caseCode: string;
  fullName: string;
  dueDate: string;
  urgency: string;
  assignedUserId: string | null;
  assignedToMe: boolean;
  reminderId: string | null;
}

/**
 * "My tasks today" as each role sees it: the commune's work in the worker's area only, a
 * supervision's tasks to its responsible worker first and to the others after the handover days,
 * the clinic's and the facility's own.
 */
describe('my tasks today', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let cwA: TestUser;
  let cwB: TestUser;
  let cwQ: TestUser;
  let clin: TestUser;
  let fac: TestUser;
  let po: TestUser;
  const ids: Record<string, string> = {};

  const tasks = (u: TestUser, qs = '') => t.as(u.token).get(`/api/v1/tasks${qs}`);
  const summary = (items: Task[]) => items.map((i) => `${i.kind} ${i.dueDate} ${i.urgency}`);

  async function supervised(unit: World['c1'], supervisor: string | null, dues: string[], endDate = '2027-06-01') {
    const p = await person(t, unit);
    const s = await supervisionRow(t, p.id, { startDate: '2026-06-01', endDate });
    await t.db.query(`UPDATE supervisions SET supervisor_user_id = $2 WHERE id = $1`, [s, supervisor]);
    const followUps: string[] = [];
    for (const due of dues) {
      const [f]: { id: string }[] = await t.db.query(`INSERT INTO follow_ups (supervision_id, due_date, status) VALUES ($1, $2, 'scheduled') RETURNING id`, [s, due]);
      followUps.push(f.id);
    }
    return { personId: p.id, caseCode: p.caseCode, supervisionId: s, followUps };
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    cwA = await user(t, 'commune_worker', w.c1);
    cwB = await user(t, 'commune_worker', w.c1);
    const gone = await user(t, 'commune_worker', w.c1);
    cwQ = await user(t, 'commune_worker', w.qc);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    fac = await user(t, 'facility_staff', w.p, w.rehabP);
    po = await user(t, 'province_officer', w.p);

    // P1 (cwA answers): one follow-up 10 days overdue, one due in 2 days, one far off; supervision ends 1 December.
    const p1 = await supervised(w.c1, cwA.id, ['2026-11-10', '2026-11-22', '2026-12-20'], '2026-12-01');
    Object.assign(ids, { p1: p1.personId, f1: p1.followUps[0], f2: p1.followUps[1], s1: p1.supervisionId });
    // P2: a `using` file whose year of management ends on 24 November (nobody in particular answers).
    const p2 = await person(t, w.c1, { status: 'using' });
    await t.db.query(`UPDATE persons SET management_decision_on = '2025-11-25' WHERE id = $1`, [p2.id]);
    ids.p2 = p2.id;
    // P3: an open relapse task of cwB, found yesterday.
    const p3 = await person(t, w.c1);
    const [r]: { id: string }[] = await t.db.query(
      `INSERT INTO relapse_tasks (person_id, source, source_id, detected_on, assigned_user_id) VALUES ($1, 'drug_test', gen_random_uuid(), '2026-11-19', $2) RETURNING id`,
      [p3.id, cwB.id],
    );
    Object.assign(ids, { p3: p3.id, r3: r.id });
    // P4 in another province; P5 a closed file; P9 whose responsible worker has left.
    ids.p4 = (await supervised(w.qc, cwQ.id, ['2026-11-15'])).personId;
    const p5 = await supervised(w.c1, cwA.id, ['2026-11-12']);
    await t.db.query(`UPDATE persons SET closed_on = '2026-11-13', close_reason = 'moved_away' WHERE id = $1`, [p5.personId]);
    const p9 = await supervised(w.c1, gone.id, ['2026-11-21']);
    await t.db.query(`UPDATE users SET active = FALSE WHERE id = $1`, [gone.id]);
    ids.p9 = p9.personId;
    // The overdue follow-up's reminder is open.
    const [rem]: { id: string }[] = await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message) VALUES ('follow_up_overdue', $1, $2, '2026-11-10', 'overdue') RETURNING id`,
      [ids.p1, ids.f1],
    );
    ids.reminder = rem.id;

    // The clinic: P6 in methadone ending 30 November, no dose today; P7 with a missed-dose alert.
    const p6 = await person(t, w.c1);
    const e6 = await enrollmentRow(t, p6.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-11-01' });
    await t.db.query(`UPDATE enrollments SET planned_end_date = '2026-11-30' WHERE id = $1`, [e6]);
    const p7 = await person(t, w.c2);
    const e7 = await enrollmentRow(t, p7.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-10-01' });
    await t.db.query(`INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status) VALUES ($1, $2, 60, 'taken')`, [e7, TODAY]);
    await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message, facility_id) VALUES ('missed_doses', $1, $2, '2026-11-15', 'missed', $3)`,
      [p7.id, e7, w.clinicP],
    );
    Object.assign(ids, { p6: p6.id, e6, p7: p7.id, e7 });
    // The facility: P8's stay ends on 25 November.
    const p8 = await person(t, w.c3);
    const e8 = await enrollmentRow(t, p8.id, { type: 'facility', mode: 'voluntary', facilityId: w.rehabP, startDate: '2026-06-01' });
    await t.db.query(`UPDATE enrollments SET planned_end_date = '2026-11-25' WHERE id = $1`, [e8]);
    Object.assign(ids, { p8: p8.id, e8 });
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it("gives the responsible worker their supervision's tasks, overdue first then by due date, with counts per kind", async () => {
    const res = await tasks(cwA);
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(TODAY);
    expect(summary(res.body.items)).toEqual([
      'follow_up_overdue 2026-11-10 overdue',
      'follow_up_due 2026-11-21 upcoming',
      'follow_up_due 2026-11-22 upcoming',
      'management_ending 2026-11-24 upcoming',
      'supervision_ending 2026-12-01 upcoming',
    ]);
    const [first] = res.body.items as Task[];
    expect(first).toMatchObject({ subjectId: ids.f1, personId: ids.p1, fullName: 'Tran Van Thu', assignedUserId: cwA.id, assignedToMe: true, reminderId: ids.reminder });
    expect(first.caseCode).toEqual(expect.any(String));
    expect(res.body).toMatchObject({ total: 5, overdue: 1 });
    expect(res.body.counts).toEqual({
      follow_up_due: 2,
      follow_up_overdue: 1,
      supervision_ending: 1,
      management_ending: 1,
      enrollment_ending: 0,
      relapse: 0,
      transfer_in: 0,
      transfer_waiting: 0,
      transfer_decision: 0,
      missed_doses: 0,
      dose_not_recorded: 0,
      stay_ending: 0,
    });
    // The read is audited: each person shown.
    const reads: { entity_id: string }[] = await t.db.query(
      `SELECT DISTINCT entity_id FROM audit_logs WHERE actor_id = $1 AND action = 'read' AND meta->>'view' = 'tasks'`,
      [cwA.id],
    );
    expect(reads.map((r) => r.entity_id).sort()).toEqual([ids.p1, ids.p2, ids.p9].sort());
  });

  it("shows the commune's other workers a supervision's task only after the handover days, and unassigned work at once", async () => {
    const res = await tasks(cwB);
    expect(summary(res.body.items)).toEqual([
      'follow_up_overdue 2026-11-10 overdue',
      'relapse 2026-11-19 overdue',
      'follow_up_due 2026-11-21 upcoming',
      'management_ending 2026-11-24 upcoming',
    ]);
    expect(res.body.items[0]).toMatchObject({ assignedUserId: cwA.id, assignedToMe: false });
    expect(res.body.items[1]).toMatchObject({ subjectId: ids.r3, assignedToMe: true });
    const mine = await tasks(cwB, '?assignedToMe=true');
    expect(summary(mine.body.items)).toEqual(['relapse 2026-11-19 overdue']);
    // Three days later the follow-up due on the 22nd reaches cwB too.
    t.clock.set(at(t, '2026-11-25'));
    try {
      const later = await tasks(cwB, '?kind=follow_up_overdue');
      expect(later.body.items.map((i: Task) => i.dueDate)).toEqual(['2026-11-10', '2026-11-21', '2026-11-22']);
      expect(later.body.items[2]).toMatchObject({ subjectId: ids.f2, assignedUserId: cwA.id, assignedToMe: false, urgency: 'overdue' });
    } finally {
      t.clock.set(at(t, TODAY));
    }
  });

  it('filters by kind, due dates and unit without changing the badge counts', async () => {
    const due = await tasks(cwA, '?kind=follow_up_due');
    expect(due.body.items.map((i: Task) => i.dueDate)).toEqual(['2026-11-21', '2026-11-22']);
    expect(due.body).toMatchObject({ total: 2, overdue: 0 });
    expect(due.body.counts.management_ending).toBe(1);
    const window = await tasks(cwA, '?from=2026-11-22&to=2026-11-30');
    expect(summary(window.body.items)).toEqual(['follow_up_due 2026-11-22 upcoming', 'management_ending 2026-11-24 upcoming']);
    const paged = await tasks(cwA, '?pageSize=2&page=2');
    expect(summary(paged.body.items)).toEqual(['follow_up_due 2026-11-22 upcoming', 'management_ending 2026-11-24 upcoming']);
    expect((await tasks(cwA, `?unitId=${w.c1.id}`)).body.total).toBe(5);
    // A unit outside the worker's area is not found, a neighbouring commune as much as another province.
    expect((await tasks(cwA, `?unitId=${w.c2.id}`)).status).toBe(404);
    expect((await tasks(cwA, `?unitId=${w.qc.id}`)).status).toBe(404);
    expect((await tasks(adm, `?unitId=${w.c2.id}`)).body.total).toBe(0);
    const bad = await tasks(cwA, '?kind=party&from=soon&assignedToMe=perhaps');
    expect(bad.status).toBe(400);
    for (const f of ['kind', 'from', 'assignedToMe']) expect(JSON.stringify(bad.body.message)).toContain(f);
    expect((await tasks(cwA, '?from=2026-11-30&to=2026-11-01')).body.message).toEqual(['to: must not be before from']);
  });

  it("never shows a worker another commune's tasks; an admin sees every area; province officers see only transfers to decide", async () => {
    const q = await tasks(cwQ);
    expect(q.body.items.map((i: Task) => i.personId)).toEqual([ids.p4]);
    const a = await tasks(cwA, '?pageSize=100');
    expect(a.body.items.map((i: Task) => i.personId)).not.toContain(ids.p4);
    const all = await tasks(adm, '?pageSize=100');
    const persons = new Set(all.body.items.map((i: Task) => i.personId));
    for (const k of ['p1', 'p2', 'p3', 'p4', 'p9']) expect(persons.has(ids[k])).toBe(true);
    expect((await tasks(adm, `?unitId=${w.qc.id}`)).body.items.map((i: Task) => i.personId)).toEqual([ids.p4]);
    // A province officer's list holds only transfers to decide (tasks-transfers.e2e-spec.ts): none here.
    const officer = await tasks(po);
    expect(officer.status).toBe(200);
    expect(officer.body).toMatchObject({ items: [], total: 0 });
  });

  it("gives clinic staff their clinic's missed-dose alerts, enrollments ending and today's doses not recorded", async () => {
    const res = await tasks(clin);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Task) => `${i.kind} ${i.personId === ids.p6 ? 'p6' : i.personId === ids.p7 ? 'p7' : '?'} ${i.dueDate} ${i.urgency}`)).toEqual([
      'missed_doses p7 2026-11-15 overdue',
      'dose_not_recorded p6 2026-11-20 today',
      'enrollment_ending p6 2026-11-30 upcoming',
    ]);
    await t.db.query(`INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status) VALUES ($1, $2, 60, 'taken')`, [ids.e6, TODAY]);
    const after = await tasks(clin);
    expect(after.body.counts).toMatchObject({ missed_doses: 1, dose_not_recorded: 0, enrollment_ending: 1, follow_up_due: 0 });
  });

  it("gives facility staff the stays ending at their facility", async () => {
    const res = await tasks(fac);
    expect(res.body.items.map((i: Task) => [i.kind, i.subjectId, i.personId, i.urgency])).toEqual([['stay_ending', ids.e8, ids.p8, 'upcoming']]);
  });
});
