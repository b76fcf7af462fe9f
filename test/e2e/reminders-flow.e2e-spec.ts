import { addDays } from '../../src/common/time/dates.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { waitFor } from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The whole path through the HTTP routes, with the real workers: files, treatment and supervision
 * written through their routes, reminders raised by the engine, and the work itself resolving them.
 */
describe('reminders raised and resolved through the routes', () => {
  let t: TestApp;
  let w: World;
  let root: TestUser;
  let worker: TestUser;
  let clinic: TestUser;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: true });
    w = await world(t);
    root = await admin(t);
    worker = await user(t, 'commune_worker', w.c1);
    clinic = await user(t, 'clinic_staff', w.c1, w.clinicP);
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  async function file(name: string): Promise<string> {
    const res = await t.as(worker.token).post('/api/v1/persons', {
      fullName: name,
      dateOfBirth: '1990-05-01',
      sex: 'male',
      residenceUnitId: w.c1.id,
      status: 'addicted',
      registeredOn: addDays(today, -200),
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const remindersOf = async (token: string, query: string) => (await t.as(token).get(`/api/v1/reminders?${query}`)).body.items;

  it('announces a follow-up due soon and resolves it when the visit is recorded', async () => {
    const personId = await file('Nguyễn Văn Theo Dõi');
    // Started 28 days ago, every 30 days: the first follow-up is due in 2 days, inside the 3-day lead.
    const created = await t.as(worker.token).post(`/api/v1/persons/${personId}/supervisions`, {
      startDate: addDays(today, -28),
      intervalDays: 30,
    });
    expect(created.status).toBe(201);
    const firstDue = addDays(today, 2);
    expect(created.body.followUps[0]).toMatchObject({ dueDate: firstDue, status: 'scheduled' });

    const due = await waitFor(async () => {
      const items = await remindersOf(worker.token, `personId=${personId}&kind=follow_up_due`);
      return items.length === 1 && items[0];
    }, 15_000, 'the follow_up_due reminder');
    expect(due).toMatchObject({ kind: 'follow_up_due', subjectId: created.body.followUps[0].id, dueDate: firstDue, status: 'open' });

    const visit = await t.as(worker.token).post(`/api/v1/supervisions/${created.body.id}/visits`, {
      visitDate: today,
      method: 'home_visit',
      drugTest: 'negative',
      relapse: false,
    });
    expect(visit.status).toBe(201);
    const after = await remindersOf(worker.token, `personId=${personId}&kind=follow_up_due`);
    expect(after).toEqual([expect.objectContaining({ id: due.id, status: 'resolved' })]);

    // Re-planning raises nothing again for the done follow-up.
    expect((await t.as(root.token).post('/api/v1/reminders/replan')).status).toBe(200);
    expect(await remindersOf(worker.token, `personId=${personId}&kind=follow_up_due`)).toHaveLength(1);
  });

  it('tells the clinic after three missed doses in a row, and a taken dose resolves it', async () => {
    const personId = await file('Trần Thị Điều Trị');
    const enrolled = await t.as(clinic.token).post(`/api/v1/persons/${personId}/enrollments`, {
      type: 'methadone',
      facilityId: w.clinicP,
      startDate: addDays(today, -10),
    });
    expect(enrolled.status).toBe(201);
    const enrollmentId = enrolled.body.id;
    const dose = (date: string, body: Record<string, unknown>) => t.as(clinic.token).post(`/api/v1/enrollments/${enrollmentId}/doses`, { date, ...body });
    expect((await dose(addDays(today, -4), { status: 'taken', doseMg: 60 })).status).toBe(201);
    for (const back of [3, 2, 1]) expect((await dose(addDays(today, -back), { status: 'missed' })).status).toBe(201);

    const alert = await waitFor(async () => {
      const items = await remindersOf(clinic.token, `personId=${personId}&kind=missed_doses`);
      return items.length === 1 && items[0];
    }, 15_000, 'the missed_doses reminder');
    expect(alert).toMatchObject({ kind: 'missed_doses', subjectId: enrollmentId, status: 'open', facilityId: w.clinicP });
    // Staff of another clinic do not see it.
    const otherClinic = await user(t, 'clinic_staff', w.qc, w.clinicQ);
    expect(await remindersOf(otherClinic.token, `personId=${personId}`)).toEqual([]);

    expect((await dose(today, { status: 'taken', doseMg: 60 })).status).toBe(201);
    expect(await remindersOf(clinic.token, `personId=${personId}&kind=missed_doses`)).toEqual([
      expect.objectContaining({ id: alert.id, status: 'resolved' }),
    ]);
  });
});
