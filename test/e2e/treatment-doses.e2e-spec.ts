import { TreatmentService } from '../../src/modules/treatment/treatment.service.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { at, auditOf, person } from '../support/treatment-factories.js';
import { startTestApp, type Reply, type TestApp } from '../support/test-app.js';

const TODAY = '2026-11-20';
const messageOf = (r: Reply) => JSON.stringify(r.body.message);

describe('methadone doses', () => {
  let t: TestApp;
  let w: World;
  let adm: TestUser;
  let clin: TestUser;
  let clinQ: TestUser;
  let cw1: TestUser;
  let fac: TestUser;

  const dose = (u: TestUser, enrollmentId: string, body: Record<string, unknown>) => t.as(u.token).post(`/api/v1/enrollments/${enrollmentId}/doses`, body);
  const newEnrollment = async (startDate = '2026-10-01') => {
    const p = await person(t, w.c1);
    const r = await t.as(clin.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'methadone', facilityId: w.clinicP, startDate });
    expect(r.status).toBe(201);
    return { personId: p.id, id: r.body.id as string };
  };
  const rowsOf = (enrollmentId: string): Promise<{ date: string; status: string; dose_mg: string | null }[]> =>
    t.db.query(`SELECT date, status, dose_mg FROM methadone_doses WHERE enrollment_id = $1 ORDER BY date`, [enrollmentId]);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, TODAY));
    w = await world(t);
    adm = await admin(t);
    clin = await user(t, 'clinic_staff', w.c1, w.clinicP);
    clinQ = await user(t, 'clinic_staff', w.qc, w.clinicQ);
    cw1 = await user(t, 'commune_worker', w.c1);
    fac = await user(t, 'facility_staff', w.p, w.rehabP);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('records a dose and updates the same day on a second write, audited by field names', async () => {
    const e = await newEnrollment();
    const first = await dose(clin, e.id, { date: '2026-11-02', status: 'taken', doseMg: 60 });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ enrollmentId: e.id, date: '2026-11-02', status: 'taken', doseMg: 60, recordedBy: clin.id });
    const second = await dose(clin, e.id, { date: '2026-11-02', status: 'taken', doseMg: 75.5 });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: first.body.id, doseMg: 75.5 });
    expect(await rowsOf(e.id)).toEqual([{ date: '2026-11-02', status: 'taken', dose_mg: '75.50' }]);
    const audit = await auditOf(t, 'methadone_dose', first.body.id);
    expect(audit.map((a) => [a.action, [...a.fields].sort()])).toEqual([
      ['create', ['date', 'doseMg', 'status']],
      ['update', ['date', 'doseMg', 'status']],
    ]);
  });

  it('leaves exactly one row when many writes for one day arrive in parallel', async () => {
    const e = await newEnrollment();
    const doses = [10, 20, 30, 40, 50, 60, 70, 80];
    const replies = await Promise.all(doses.map((mg) => dose(clin, e.id, { date: '2026-11-05', status: 'taken', doseMg: mg })));
    expect(replies.map((r) => r.status)).toEqual(doses.map(() => 201));
    const rows = await rowsOf(e.id);
    expect(rows).toHaveLength(1);
    expect(doses).toContain(Number(rows[0].dose_mg));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
  });

  it('requires doseMg > 0 when taken and no doseMg when missed (400 naming doseMg)', async () => {
    const e = await newEnrollment();
    for (const body of [
      { date: '2026-11-03', status: 'taken' },
      { date: '2026-11-03', status: 'taken', doseMg: 0 },
      { date: '2026-11-03', status: 'taken', doseMg: -5 },
      { date: '2026-11-03', status: 'taken', doseMg: 'sixty' },
      { date: '2026-11-03', status: 'missed', doseMg: 60 },
    ]) {
      const r = await dose(clin, e.id, body);
      expect([r.status, messageOf(r).includes('doseMg')]).toEqual([400, true]);
    }
    expect((await dose(clin, e.id, { date: '2026-11-03', status: 'missed' })).status).toBe(201);
  });

  it('refuses dates in the future or before the start, and unknown statuses (400 naming the field)', async () => {
    const e = await newEnrollment('2026-10-01');
    let r = await dose(clin, e.id, { date: '2026-11-21', status: 'missed' });
    expect([r.status, messageOf(r)]).toEqual([400, JSON.stringify(['date: must not be in the future'])]);
    r = await dose(clin, e.id, { date: '2026-09-30', status: 'missed' });
    expect(r.status).toBe(400);
    expect(messageOf(r)).toContain('date');
    r = await dose(clin, e.id, { date: '2026-11-01', status: 'late' });
    expect(r.status).toBe(400);
    expect(messageOf(r)).toContain('status');
    expect((await dose(clin, e.id, { date: TODAY, status: 'taken', doseMg: 40 })).status).toBe(201);
    expect(await rowsOf(e.id)).toHaveLength(1);
  });

  it('records doses only for active methadone enrollments', async () => {
    const p = await person(t, w.c1);
    const community = await t.as(adm.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'community', startDate: '2026-10-01' });
    const r = await dose(adm, community.body.id, { date: '2026-11-01', status: 'missed' });
    expect(r.status).toBe(400);
    const e = await newEnrollment();
    expect((await t.as(clin.token).post(`/api/v1/enrollments/${e.id}/end`, { endDate: '2026-11-10', outcome: 'transferred' })).status).toBe(200);
    expect((await dose(clin, e.id, { date: '2026-11-09', status: 'taken', doseMg: 50 })).status).toBe(409);
  });

  it('lets only admins and the clinic’s own staff record and read doses', async () => {
    const e = await newEnrollment();
    expect((await dose(cw1, e.id, { date: '2026-11-01', status: 'missed' })).status).toBe(403);
    expect((await dose(fac, e.id, { date: '2026-11-01', status: 'missed' })).status).toBe(403);
    expect((await dose(clinQ, e.id, { date: '2026-11-01', status: 'missed' })).status).toBe(404);
    expect((await t.as(cw1.token).get(`/api/v1/enrollments/${e.id}/doses`)).status).toBe(403);
    expect((await dose(adm, e.id, { date: '2026-11-01', status: 'missed' })).status).toBe(201);
    expect((await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses`)).body.total).toBe(1);
  });

  it('lists doses latest first within from..to, paged', async () => {
    const e = await newEnrollment();
    for (let day = 1; day <= 10; day++) {
      await dose(clin, e.id, { date: `2026-11-${String(day).padStart(2, '0')}`, status: 'taken', doseMg: 50 + day });
    }
    let r = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses?from=2026-11-03&to=2026-11-07`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(5);
    expect(r.body.items.map((d: any) => [d.date, d.doseMg])).toEqual([
      ['2026-11-07', 57],
      ['2026-11-06', 56],
      ['2026-11-05', 55],
      ['2026-11-04', 54],
      ['2026-11-03', 53],
    ]);
    r = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses?from=2026-11-03&to=2026-11-07&page=2&pageSize=2`);
    expect(r.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(r.body.items.map((d: any) => d.date)).toEqual(['2026-11-05', '2026-11-04']);
    r = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses?from=2026-11-07&to=2026-11-03`);
    expect(r.status).toBe(400);
    expect(messageOf(r)).toContain('to');
    r = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses?from=2026-13-01`);
    expect(r.status).toBe(400);
    expect(messageOf(r)).toContain('from');
    r = await t.as(clin.token).get(`/api/v1/enrollments/${e.id}/doses?pageSize=101`);
    expect(r.status).toBe(400);
  });

  it('counts consecutive missed days ending at the latest recorded dose', async () => {
    const e = await newEnrollment();
    const service = t.app.get(TreatmentService);
    const missed = async () => {
      const viaRoute = (await t.as(clin.token).get(`/api/v1/enrollments/${e.id}`)).body.consecutiveMissedDays;
      expect(await service.consecutiveMissedDays(e.id)).toBe(viaRoute);
      return viaRoute as number;
    };
    expect(await missed()).toBe(0);
    const record = (date: string, status: 'taken' | 'missed') => dose(clin, e.id, status === 'taken' ? { date, status, doseMg: 60 } : { date, status });
    await record('2026-11-01', 'taken');
    await record('2026-11-02', 'missed');
    await record('2026-11-03', 'missed');
    expect(await missed()).toBe(2);
    await record('2026-11-04', 'taken');
    expect(await missed()).toBe(0);
    await record('2026-11-05', 'missed');
    await record('2026-11-06', 'missed');
    await record('2026-11-07', 'missed');
    expect(await missed()).toBe(3);
    // A day without a record breaks the run of explicit misses.
    await record('2026-11-09', 'missed');
    expect(await missed()).toBe(1);
    await record('2026-11-08', 'missed');
    expect(await missed()).toBe(5);
    await record('2026-11-10', 'taken');
    expect(await missed()).toBe(0);
    // Correcting the taken day into a missed one joins the run again.
    await record('2026-11-10', 'missed');
    expect(await missed()).toBe(6);
  });

  it('resolves the missed-doses reminder when a dose is taken, not when another is missed', async () => {
    const e = await newEnrollment();
    // The alert follows the current run of missed days: here the run that starts on 11-01.
    for (const date of ['2026-11-01', '2026-11-02', '2026-11-03']) expect((await dose(clin, e.id, { date, status: 'missed' })).status).toBe(201);
    await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message, facility_id) VALUES ('missed_doses', $1, $2, '2026-11-01', 'missed doses', $3)`,
      [e.personId, e.id, w.clinicP],
    );
    const status = async () => (await t.db.query(`SELECT status FROM reminders WHERE subject_id = $1`, [e.id]))[0].status;
    await dose(clin, e.id, { date: '2026-11-04', status: 'missed' });
    expect(await status()).toBe('open');
    await dose(clin, e.id, { date: '2026-11-05', status: 'taken', doseMg: 60 });
    expect(await status()).toBe('resolved');
  });
});
