import { randomUUID } from 'node:crypto';
import { ReminderPlanner } from '../../src/modules/reminders/reminders.planner.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { enrollmentRow } from '../support/persons-factories.js';
import { at, person } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';

/** The clinic's dosing roster: the day's list, a whole day recorded at once, prescribed doses as history. */
describe('clinic dosing roster', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let clin: TestUser;
  let clinQ: TestUser;
  let cw1: TestUser;
  /** Patients of P's clinic (a: prescribed, b: missing days, c: to miss today, f: no prescription), d at Q's clinic, e ended. */
  const e: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', { personId: string; id: string; caseCode: string }> = {} as never;

  const roster = (u: TestUser, qs = '') => t.as(u.token).get(`/api/v1/clinics/roster${qs}`);
  const record = (u: TestUser, body: Record<string, unknown>) => t.as(u.token).post('/api/v1/clinics/roster/doses', body);
  const dosesOf = (enrollmentId: string): Promise<{ date: string; status: string; dose_mg: string | null }[]> =>
    t.db.query(`SELECT date, status, dose_mg FROM methadone_doses WHERE enrollment_id = $1 ORDER BY date`, [enrollmentId]);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    clinQ = await user(t, 'clinic_staff', w.qc, w.clinicQ);
    cw1 = await user(t, 'commune_worker', w.c1);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f'] as const) {
      const p = await person(t, k === 'd' ? w.qc : w.c1);
      const id = await enrollmentRow(t, p.id, {
        type: 'methadone',
        facilityId: k === 'd' ? w.clinicQ : w.clinicP,
        startDate: '2026-11-01',
        ...(k === 'e' ? { endDate: '2026-11-10', outcome: 'dropped_out' } : {}),
      });
      e[k] = { personId: p.id, id, caseCode: p.caseCode };
    }
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('keeps prescribed doses as dated history: a change is a new row, the same day twice is refused', async () => {
    const first = await t.as(clin.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-11-01', doseMg: 60 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ enrollmentId: e.a.id, effectiveFrom: '2026-11-01', doseMg: 60, prescribedBy: clin.id });
    const change = await t.as(clin.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-11-15', doseMg: 80, note: 'tăng liều' });
    expect(change.status).toBe(201);
    const again = await t.as(clin.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-11-15', doseMg: 90 });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('effectiveFrom');
    const early = await t.as(clin.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-10-01', doseMg: 90 });
    expect(early.status).toBe(400);
    expect(early.body.message).toEqual(["effectiveFrom: must not be before the enrollment's startDate 2026-11-01"]);
    expect((await t.as(clin.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-11-16', doseMg: -5 })).status).toBe(400);
    expect((await t.as(clin.token).post(`/api/v1/enrollments/${e.e.id}/prescriptions`, { effectiveFrom: '2026-11-05', doseMg: 50 })).status).toBe(409);
    // Another clinic's patient is not found; commune workers may not prescribe.
    expect((await t.as(clinQ.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-11-16', doseMg: 50 })).status).toBe(404);
    expect((await t.as(cw1.token).post(`/api/v1/enrollments/${e.a.id}/prescriptions`, { effectiveFrom: '2026-11-16', doseMg: 50 })).status).toBe(403);

    const history = await t.as(clin.token).get(`/api/v1/enrollments/${e.a.id}/prescriptions`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((p: { effectiveFrom: string; doseMg: number }) => [p.effectiveFrom, p.doseMg])).toEqual([
      ['2026-11-15', 80],
      ['2026-11-01', 60],
    ]);
    expect(history.body.total).toBe(2);
    expect((await t.as(clinQ.token).get(`/api/v1/enrollments/${e.a.id}/prescriptions`)).status).toBe(404);
  });

  it('lists the day: prescribed dose of the day, pending status, the run of missed days; audited per person shown', async () => {
    // b missed three days in a row: recorded through the roster, a day at a time.
    for (const date of ['2026-11-17', '2026-11-18', '2026-11-19']) {
      const res = await record(clin, { date, rows: [{ enrollmentId: e.b.id, status: 'missed', missedReason: 'sick' }] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ recorded: 1, failed: 0 });
    }
    const old = await roster(clin, '?date=2026-11-10');
    expect(old.body.items.find((i: { enrollmentId: string }) => i.enrollmentId === e.a.id).prescribedDoseMg).toBe(60);

    const res = await roster(clin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: TODAY, facilityId: w.clinicP, total: 4, counts: { pending: 4, taken: 0, missed: 0 } });
    const byId = new Map(res.body.items.map((i: { enrollmentId: string }) => [i.enrollmentId, i]));
    expect([...byId.keys()].sort()).toEqual([e.a.id, e.b.id, e.c.id, e.f.id].sort());
    expect(byId.get(e.a.id)).toMatchObject({ personId: e.a.personId, caseCode: e.a.caseCode, fullName: 'Tran Van Thu', prescribedDoseMg: 80, dayStatus: 'pending', dose: null });
    expect(byId.get(e.b.id)).toMatchObject({ consecutiveMissedDays: 3, lastTakenOn: null, prescribedDoseMg: null });

    const reads: { entity_id: string }[] = await t.db.query(
      `SELECT entity_id FROM audit_logs WHERE actor_id = $1 AND action = 'read' AND meta->>'view' = 'roster' AND meta->>'date' = $2`,
      [clin.id, TODAY],
    );
    expect(reads.map((r) => r.entity_id).sort()).toEqual([e.a.personId, e.b.personId, e.c.personId, e.f.personId].sort());
  });

  it("records a whole day in one request: a result per row, failures say why and the others stand", async () => {
    // The missed run of b raised its alert: a taken dose through the roster resolves it, as a single dose would.
    await t.app.get(ReminderPlanner).sweep();
    const alert: { status: string }[] = await t.db.query(`SELECT status FROM reminders WHERE kind = 'missed_doses' AND subject_id = $1`, [e.b.id]);
    expect(alert).toEqual([{ status: 'open' }]);

    const stranger = randomUUID();
    const res = await record(clin, {
      date: TODAY,
      rows: [
        { enrollmentId: e.a.id, status: 'taken' },
        { enrollmentId: e.b.id, status: 'taken', doseMg: 70 },
        { enrollmentId: e.c.id, status: 'missed', missedReason: 'permitted_travel' },
        { enrollmentId: e.d.id, status: 'taken', doseMg: 50 },
        { enrollmentId: e.e.id, status: 'taken', doseMg: 50 },
        { enrollmentId: e.a.id, status: 'missed' },
        { enrollmentId: e.f.id, status: 'taken' },
        { enrollmentId: stranger, status: 'taken', doseMg: 40 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ date: TODAY, facilityId: w.clinicP, recorded: 3, failed: 5 });
    const results = res.body.results as { index: number; ok: boolean; dose?: { doseMg: number; status: string }; error?: { statusCode: number; message: string[] } }[];
    expect(results.map((r) => [r.index, r.ok, r.error?.statusCode ?? null])).toEqual([
      [0, true, null],
      [1, true, null],
      [2, true, null],
      [3, false, 404],
      [4, false, 409],
      [5, false, 400],
      [6, false, 400],
      [7, false, 404],
    ]);
    expect(results[0].dose).toMatchObject({ status: 'taken', doseMg: 80 });
    expect(results[3].error!.message).toEqual(['enrollment not found']);
    expect(results[4].error!.message[0]).toMatch(/has ended/);
    expect(results[5].error!.message).toEqual(['rows.5.enrollmentId: appears more than once in this request']);
    expect(results[6].error!.message[0]).toMatch(/^doseMg: /);

    expect(await dosesOf(e.a.id)).toEqual([{ date: TODAY, status: 'taken', dose_mg: '80.00' }]);
    expect((await dosesOf(e.b.id)).at(-1)).toEqual({ date: TODAY, status: 'taken', dose_mg: '70.00' });
    expect(await dosesOf(e.c.id)).toEqual([{ date: TODAY, status: 'missed', dose_mg: null }]);
    for (const k of ['d', 'e', 'f'] as const) expect(await dosesOf(e[k].id)).toEqual([]);
    const resolved: { status: string }[] = await t.db.query(`SELECT status FROM reminders WHERE kind = 'missed_doses' AND subject_id = $1`, [e.b.id]);
    expect(resolved).toEqual([{ status: 'resolved' }]);

    const after = await roster(clin);
    expect(after.body.counts).toEqual({ pending: 1, taken: 2, missed: 1 });
    const missed = await roster(clin, '?status=missed');
    expect(missed.body.items.map((i: { enrollmentId: string }) => i.enrollmentId)).toEqual([e.c.id]);
    expect(missed.body.items[0]).toMatchObject({ dayStatus: 'missed', consecutiveMissedDays: 1, dose: { status: 'missed', doseMg: null } });
    const pending = await roster(clin, '?status=pending');
    expect(pending.body.items.map((i: { enrollmentId: string }) => i.enrollmentId)).toEqual([e.f.id]);
    const byCode = await roster(clin, `?q=${encodeURIComponent(e.b.caseCode.toLowerCase())}`);
    expect(byCode.body.items.map((i: { enrollmentId: string }) => i.enrollmentId)).toEqual([e.b.id]);
    expect(byCode.body.items[0]).toMatchObject({ consecutiveMissedDays: 0, lastTakenOn: TODAY });
  });

  it("keeps each clinic to its own roster; admins name the clinic; other roles are refused", async () => {
    const q = await roster(clinQ);
    expect(q.status).toBe(200);
    expect(q.body.items.map((i: { enrollmentId: string }) => i.enrollmentId)).toEqual([e.d.id]);
    expect((await roster(clinQ, `?facilityId=${w.clinicP}`)).status).toBe(400);
    const intrusion = await record(clinQ, { date: TODAY, rows: [{ enrollmentId: e.c.id, status: 'taken', doseMg: 10 }] });
    expect(intrusion.body.results[0].error.statusCode).toBe(404);
    expect(await dosesOf(e.c.id)).toEqual([{ date: TODAY, status: 'missed', dose_mg: null }]);

    expect((await roster(adm)).status).toBe(400);
    expect((await roster(adm, `?facilityId=${w.rehabP}`)).status).toBe(400);
    const asAdmin = await roster(adm, `?facilityId=${w.clinicP}`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.total).toBe(4);
    expect((await roster(cw1)).status).toBe(403);
    expect((await record(cw1, { date: TODAY, rows: [{ enrollmentId: e.a.id, status: 'taken', doseMg: 10 }] })).status).toBe(403);
  });

  it('refuses a malformed request whole, naming the field, and a day in the future', async () => {
    const empty = await record(clin, { date: TODAY, rows: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.message)).toContain('rows');
    const bad = await record(clin, { date: TODAY, rows: [{ enrollmentId: e.a.id, status: 'drunk' }, { enrollmentId: e.b.id, status: 'missed', missedReason: 'lazy' }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toContain('rows.0.status');
    expect(JSON.stringify(bad.body.message)).toContain('rows.1.missedReason');
    const future = await record(clin, { date: '2026-11-21', rows: [{ enrollmentId: e.f.id, status: 'taken', doseMg: 30 }] });
    expect(future.status).toBe(200);
    expect(future.body.results[0]).toMatchObject({ ok: false, error: { statusCode: 400, message: ['date: must not be in the future'] } });
    expect((await roster(clin, '?date=2026-11-21')).status).toBe(400);
    expect((await roster(clin, '?date=20-11-2026')).status).toBe(400);
    expect(await dosesOf(e.f.id)).toEqual([]);
  });
});
