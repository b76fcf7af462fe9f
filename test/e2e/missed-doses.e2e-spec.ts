import { TreatmentService } from '../../src/modules/treatment/treatment.service.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { remindersOf, type ReminderRow } from '../support/reminders-factories.js';
import { at, person } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Missed methadone doses through the clinic's route: the clinic's alert follows the current run of
 * missed days (the run that ends on the latest recorded day), and self-termination is claimed only
 * when Decree 116/2021 Art 3(5) holds (5 working days or 10 sessions absent without a reason).
 * Workers are off: reminders are raised by the sweep of POST /reminders/replan, deterministically.
 */
describe('missed doses: the alert and self-termination', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let clin: TestUser;

  const dose = (enrollmentId: string, date: string, body: Record<string, unknown>) =>
    t.as(clin.token).post(`/api/v1/enrollments/${enrollmentId}/doses`, { date, ...body });
  const missed = async (enrollmentId: string, dates: string[], reason?: string) => {
    for (const date of dates) expect((await dose(enrollmentId, date, { status: 'missed', ...(reason ? { missedReason: reason } : {}) })).status).toBe(201);
  };
  const replan = async () => expect((await t.as(adm.token).post('/api/v1/reminders/replan')).status).toBe(200);
  const ofKind = async (personId: string, kind: string) =>
    (await remindersOf(t.db, personId)).filter((r) => r.kind === kind).map((r: ReminderRow) => [r.due_date, r.status]);
  const enroll = async (startDate: string) => {
    const p = await person(t, w.c1);
    const r = await t.as(clin.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'methadone', facilityId: w.clinicP, startDate });
    expect(r.status).toBe(201);
    return { personId: p.id, caseCode: p.caseCode, id: r.body.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, '2026-03-10'));
    w = await world(t);
    adm = await admin(t);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    expect(t.config.methadoneMissedAlertDays).toBe(3);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('keeps the alert of the run still going when an earlier day is corrected, and re-raises what is due (issue 14.2)', async () => {
    t.clock.set(at(t, '2026-03-10'));
    const e = await enroll('2026-02-01');
    expect((await dose(e.id, '2026-03-05', { status: 'taken', doseMg: 60 })).status).toBe(201);
    await missed(e.id, ['2026-03-06', '2026-03-07', '2026-03-08']);
    await replan();
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([['2026-03-06', 'open']]);

    // A correction of an earlier day (before the run) to taken: the run is still going.
    expect((await dose(e.id, '2026-03-05', { status: 'taken', doseMg: 70 })).status).toBe(201);
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([['2026-03-06', 'open']]);
    await missed(e.id, ['2026-03-09', '2026-03-10']);
    await replan();
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([['2026-03-06', 'open']]);
    const view = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}`);
    expect(view.body.consecutiveMissedDays).toBe(5);
    expect(await t.app.get(TreatmentService).consecutiveMissedDays(e.id)).toBe(5);

    // A correction inside the run splits it: the current run (03-08..03-10) gets its own alert.
    expect((await dose(e.id, '2026-03-07', { status: 'taken', doseMg: 60 })).status).toBe(201);
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([['2026-03-06', 'resolved']]);
    await replan();
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([
      ['2026-03-06', 'resolved'],
      ['2026-03-08', 'open'],
    ]);

    // An alert resolved while its run was still going (as the old code did on any taken write) is
    // raised again by the next re-plan.
    await t.db.query(`UPDATE reminders SET status = 'resolved', resolved_at = now() WHERE subject_id = $1 AND due_date = '2026-03-08'`, [e.id]);
    await replan();
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([
      ['2026-03-06', 'resolved'],
      ['2026-03-08', 'open'],
    ]);

    // The latest day taken ends the run.
    t.clock.set(at(t, '2026-03-11'));
    expect((await dose(e.id, '2026-03-11', { status: 'taken', doseMg: 60 })).status).toBe(201);
    await replan();
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([
      ['2026-03-06', 'resolved'],
      ['2026-03-08', 'resolved'],
    ]);
    expect((await t.as(clin.token).get(`/api/v1/enrollments/${e.id}`)).body.consecutiveMissedDays).toBe(0);
  });

  it('claims self-termination after 5 working days absent without a reason, not after a reasoned absence (Decree 116/2021 Art 3(5))', async () => {
    t.clock.set(at(t, '2026-03-10'));
    const e = await enroll('2026-02-01');
    // Thursday 5 to Monday 9 March: 5 sessions, 3 working days. An alert, no self-termination.
    await missed(e.id, ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    await replan();
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([['2026-03-05', 'open']]);
    expect(await ofKind(e.personId, 'self_termination')).toEqual([]);
    const alert = (await remindersOf(t.db, e.personId))[0];
    expect(alert.message).toBe(`Case ${e.caseCode}: alert: 3 or more methadone doses missed in a row since 2026-03-05.`);
    expect(alert.message).not.toMatch(/self-termination/);

    // Tuesday 10: 4 working days... and Wednesday 11: the fifth.
    await missed(e.id, ['2026-03-10']);
    await replan();
    expect(await ofKind(e.personId, 'self_termination')).toEqual([]);
    t.clock.set(at(t, '2026-03-11'));
    await missed(e.id, ['2026-03-11']);
    await replan();
    expect(await ofKind(e.personId, 'self_termination')).toEqual([['2026-03-05', 'open']]);
    const claim = (await remindersOf(t.db, e.personId)).find((r) => r.kind === 'self_termination')!;
    expect(claim.message).toBe(
      `Case ${e.caseCode}: absent without a reason since 2026-03-05 (5 working days, 7 sessions): ` +
        'self-termination of treatment under Decree 116/2021/ND-CP Art 3(5) (rule D116-2021-art3-5).',
    );
    expect(claim.facility_id).toBe(w.clinicP);
    const view = (await t.as(clin.token).get(`/api/v1/enrollments/${e.id}`)).body;
    expect(view.absentWithoutReason).toEqual({
      since: '2026-03-05',
      sessions: 7,
      workingDays: 5,
      selfTermination: true,
      rule: 'D116-2021-art3-5',
    });

    // Monday 9 was a hospital stay: the absence without a reason restarts on Tuesday 10 (2 working
    // days). The claim is resolved; the clinic's alert of the run stays.
    expect((await dose(e.id, '2026-03-09', { status: 'missed', missedReason: 'hospitalised' })).status).toBe(201);
    expect(await ofKind(e.personId, 'self_termination')).toEqual([['2026-03-05', 'resolved']]);
    await replan();
    expect(await ofKind(e.personId, 'self_termination')).toEqual([['2026-03-05', 'resolved']]);
    expect(await ofKind(e.personId, 'missed_doses')).toEqual([['2026-03-05', 'open']]);
    const doses = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses?from=2026-03-09&to=2026-03-09`);
    expect(doses.body.items[0]).toMatchObject({ date: '2026-03-09', status: 'missed', missedReason: 'hospitalised' });
  });

  it('does not count public holidays as working days: Tết 2026 counts only by sessions (Decree 116/2021 Art 3(5))', async () => {
    t.clock.set(at(t, '2026-02-25'));
    const e = await enroll('2026-01-01');
    // Saturday 14 to Sunday 22 February 2026: the Tết days off, 9 sessions and no working day.
    const tet = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
    await missed(e.id, tet);
    await replan();
    expect(await ofKind(e.personId, 'self_termination')).toEqual([]);
    // Monday 23: the tenth session in a row.
    await missed(e.id, ['2026-02-23']);
    await replan();
    expect(await ofKind(e.personId, 'self_termination')).toEqual([['2026-02-14', 'open']]);
    expect((await remindersOf(t.db, e.personId)).find((r) => r.kind === 'self_termination')!.message).toContain('(1 working days, 10 sessions)');
  });

  it('refuses a reason on a taken dose, and an unknown reason, naming the field', async () => {
    t.clock.set(at(t, '2026-03-10'));
    const e = await enroll('2026-02-01');
    const taken = await dose(e.id, '2026-03-02', { status: 'taken', doseMg: 60, missedReason: 'sick' });
    expect(taken.status).toBe(400);
    expect(JSON.stringify(taken.body.message)).toContain('missedReason');
    const unknown = await dose(e.id, '2026-03-02', { status: 'missed', missedReason: 'holiday' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.message)).toContain('missedReason');
  });
});
