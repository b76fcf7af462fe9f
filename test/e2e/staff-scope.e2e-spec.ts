import { user, world, type TestUser, type World } from '../support/factories.js';
import { createPerson } from '../support/persons-factories.js';
import { at } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Clinic and facility staff see a person while the enrollment at their facility is active and for
 * STAFF_SCOPE_MONTHS (12) after it ended; after that only through the audited lookup. The clock is
 * moved, not waited for.
 */
describe('how long clinic and facility staff see a person', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;
  let clinic: TestUser;
  let otherClinic: TestUser;
  let person: { id: string; nationalId: string };
  let enrollmentId: string;
  let reminderId: string;

  const ENDED = '2025-03-31';

  /** Every view clinic staff have of the person, as statuses; and whether the lists show it. */
  async function views(token: string) {
    const c = t.as(token);
    const [file, timeline, enrollments, services, enrollment, list, reminders] = await Promise.all([
      c.get(`/api/v1/persons/${person.id}`),
      c.get(`/api/v1/persons/${person.id}/timeline`),
      c.get(`/api/v1/persons/${person.id}/enrollments`),
      c.get(`/api/v1/persons/${person.id}/services`),
      c.get(`/api/v1/enrollments/${enrollmentId}`),
      c.get(`/api/v1/persons?pageSize=100`),
      c.get(`/api/v1/reminders?pageSize=100`),
    ]);
    return {
      file: file.status,
      timeline: timeline.status,
      enrollments: enrollments.status,
      services: services.status,
      enrollment: enrollment.status,
      listed: list.body.items.some((p: { id: string }) => p.id === person.id),
      reminded: reminders.body.items.some((r: { id: string }) => r.id === reminderId),
    };
  }

  const SEEN = { file: 200, timeline: 200, enrollments: 200, services: 200, enrollment: 200, listed: true, reminded: true };
  const UNSEEN = { file: 404, timeline: 404, enrollments: 404, services: 404, enrollment: 404, listed: false, reminded: false };

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set(at(t, '2025-01-10'));
    w = await world(t);
    worker = await user(t, 'commune_worker', w.c1);
    clinic = await user(t, 'clinic_staff', w.c1, w.clinicP);
    otherClinic = await user(t, 'clinic_staff', w.qc, w.clinicQ);
    const file = await createPerson(t, worker.token, w.c1.id, { status: 'addicted', registeredOn: '2025-01-02', managementDecisionOn: undefined });
    person = { id: file.id, nationalId: file.nationalId };

    // The clinic finds the new patient by national id, enrolls and later ends the treatment.
    const found = await t.as(clinic.token).get(`/api/v1/persons?nationalId=${person.nationalId}`);
    expect(found.body.total).toBe(1);
    const enrolled = await t.as(clinic.token).post(`/api/v1/persons/${person.id}/enrollments`, {
      type: 'methadone',
      facilityId: w.clinicP,
      startDate: '2025-01-10',
    });
    expect(enrolled.status).toBe(201);
    enrollmentId = enrolled.body.id;
    await t.db.query(`INSERT INTO service_contacts (person_id, type, date, facility_id) VALUES ($1, 'counseling', '2025-02-01', $2)`, [
      person.id,
      w.clinicP,
    ]);
    const [r] = await t.db.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message, facility_id)
       VALUES ('missed_doses', $1, $2, '2025-03-01', 'missed doses', $3) RETURNING id`,
      [person.id, enrollmentId, w.clinicP],
    );
    reminderId = r.id;
    t.clock.set(at(t, ENDED));
    const ended = await t.as(clinic.token).post(`/api/v1/enrollments/${enrollmentId}/end`, { endDate: ENDED, outcome: 'dropped_out' });
    expect(ended.status).toBe(200);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('sees the patient while enrolled and for 12 months after the enrollment ended', async () => {
    t.clock.set(at(t, '2025-02-15'));
    expect(await views(clinic.token)).toEqual(SEEN);
    t.clock.set(at(t, '2026-03-31')); // 12 months after the end: the last day
    expect(await views(clinic.token)).toEqual(SEEN);
    // Another clinic never saw the person.
    expect(await views(otherClinic.token)).toMatchObject({ file: 404, listed: false, reminded: false });
  });

  it('loses sight of the patient the day after, in every view, while the commune still sees the file', async () => {
    t.clock.set(at(t, '2026-04-01'));
    expect(await views(clinic.token)).toEqual(UNSEEN);
    expect((await t.as(worker.token).get(`/api/v1/persons/${person.id}`)).status).toBe(200);
  });

  it('finds the person again only through the audited lookup, and sees the file again once enrolled anew', async () => {
    t.clock.set(at(t, '2026-04-02'));
    const found = await t.as(clinic.token).get(`/api/v1/persons?nationalId=${person.nationalId}`);
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    // The lookup answers the minimum: no contact details.
    expect(found.body.items[0].phone).toBeUndefined();
    const audits: { fields: string[]; meta: { results: number } }[] = await t.db.query(
      `SELECT fields, meta FROM audit_logs WHERE actor_id = $1 AND action = 'lookup' ORDER BY at DESC, id DESC LIMIT 1`,
      [clinic.id],
    );
    expect(audits[0]).toEqual({ fields: ['nationalId'], meta: { results: 1, personIds: [person.id] } });

    const again = await t.as(clinic.token).post(`/api/v1/persons/${person.id}/enrollments`, {
      type: 'methadone',
      facilityId: w.clinicP,
      startDate: '2026-04-02',
    });
    expect(again.status).toBe(201);
    const file = await t.as(clinic.token).get(`/api/v1/persons/${person.id}`);
    expect(file.status).toBe(200);
    // Back in scope, the clinic sees its own enrollments of the person, old and new.
    const enrollments = await t.as(clinic.token).get(`/api/v1/persons/${person.id}/enrollments`);
    expect(enrollments.body.total).toBe(2);
  });

  it('keeps STAFF_SCOPE_MONTHS configurable', async () => {
    const short = await startTestApp({ staffScopeMonths: 1 });
    try {
      short.clock.set(at(short, '2025-05-02'));
      const ww = await world(short);
      const cw = await user(short, 'commune_worker', ww.c1);
      const staff = await user(short, 'clinic_staff', ww.c1, ww.clinicP);
      const file = await createPerson(short, cw.token, ww.c1.id);
      await short.db.query(
        `INSERT INTO enrollments (person_id, type, facility_id, start_date, end_date, outcome, status)
         VALUES ($1, 'methadone', $2, '2025-01-01', '2025-04-01', 'dropped_out', 'ended')`,
        [file.id, ww.clinicP],
      );
      expect((await short.as(staff.token).get(`/api/v1/persons/${file.id}`)).status).toBe(404);
      short.clock.set(at(short, '2025-05-01'));
      expect((await short.as(staff.token).get(`/api/v1/persons/${file.id}`)).status).toBe(200);
    } finally {
      short.clock.set(undefined);
      await short.close();
    }
  });
});
