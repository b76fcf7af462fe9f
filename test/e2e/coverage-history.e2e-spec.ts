import { PersonHistory1765600000000 } from '../../migrations/1765600000000-PersonHistory.js';
import { CoverageService } from '../../src/modules/reports/coverage.service.js';
import { admin, user, world, type TestUser, type World } from '../support/factories.js';
import { createPerson } from '../support/persons-factories.js';
import { at } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A report counts each person with the status they had at the period's end, from the file's
 * history (person_history), so a past period's figures do not move when a status changes later;
 * each person counts in the unit where they lived then; detention is taken at the period's end.
 */
describe('coverage from the file history', () => {
  let t: TestApp;
  let w: World;
  let worker: TestUser;

  const coverage = (unitId: string, from: string, to: string) => t.app.get(CoverageService).computeUnit({ unitId, from, to }, null);
  const patch = async (id: string, body: Record<string, unknown>) => {
    const current = await t.as(worker.token).get(`/api/v1/persons/${id}`);
    const res = await t.as(worker.token).patch(`/api/v1/persons/${id}`, { version: current.body.version, ...body });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await world(t);
    worker = await user(t, 'commune_worker', w.d);
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });

  it('keeps a past period unchanged after a status change, and counts the new status from the day it changed', async () => {
    t.clock.set(at(t, '2025-01-10'));
    const wasUsing = await createPerson(t, worker.token, w.c1.id, { status: 'using', registeredOn: '2025-01-05', managementDecisionOn: '2025-01-05' });
    const wasAddicted = await createPerson(t, worker.token, w.c1.id, { status: 'addicted', registeredOn: '2025-01-05', managementDecisionOn: undefined });
    const january = await coverage(w.c1.id, '2025-01-01', '2025-01-31');
    expect(january?.withFiles).toBe(1);

    t.clock.set(at(t, '2025-03-10'));
    await patch(wasUsing.id, { status: 'addicted' });
    await patch(wasAddicted.id, { status: 'using', managementDecisionOn: '2025-03-10' });

    // January recomputed after both changes: the same figure, the same person.
    expect((await coverage(w.c1.id, '2025-01-01', '2025-01-31'))?.withFiles).toBe(1);
    const unreached = await t.as(worker.token).get(`/api/v1/reports/coverage/unreached?unitId=${w.c1.id}&from=2025-01-01&to=2025-01-31`);
    expect(unreached.body.items.map((p: { id: string }) => p.id)).toEqual([wasAddicted.id]);
    // February ends before the change; March ends after it.
    expect((await coverage(w.c1.id, '2025-02-01', '2025-02-28'))?.withFiles).toBe(1);
    const march = await t.as(worker.token).get(`/api/v1/reports/coverage/unreached?unitId=${w.c1.id}&from=2025-03-01&to=2025-03-31`);
    expect(march.body.items.map((p: { id: string }) => p.id)).toEqual([wasUsing.id]);
  });

  it('rebuilds the history of existing files from their events when the migration runs', async () => {
    t.clock.set(at(t, '2025-06-01'));
    const moved = await createPerson(t, worker.token, w.c1.id, { status: 'using', registeredOn: '2025-05-01', managementDecisionOn: '2025-05-01' });
    t.clock.set(at(t, '2025-06-15'));
    await patch(moved.id, { residenceUnitId: w.c2.id });
    t.clock.set(at(t, '2025-07-20'));
    await patch(moved.id, { status: 'addicted' });
    const historyOf = () =>
      t.db.query(
        `SELECT valid_from::text AS "from", valid_to::text AS "to", status, residence_unit_id AS unit
           FROM person_history WHERE person_id = $1 ORDER BY valid_from`,
        [moved.id],
      );
    const expected = [
      { from: '-infinity', to: '2025-06-15', status: 'using', unit: w.c1.id },
      { from: '2025-06-15', to: '2025-07-20', status: 'using', unit: w.c2.id },
      { from: '2025-07-20', to: null, status: 'addicted', unit: w.c2.id },
    ];
    expect(await historyOf()).toEqual(expected);

    const migration = new PersonHistory1765600000000();
    const runner = t.db.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await historyOf()).toEqual(expected);
  });

  it('counts a person moved after the period in the old commune, for that period, and in the new one afterwards', async () => {
    t.clock.set(at(t, '2025-08-05'));
    const mover = await createPerson(t, worker.token, w.c1.id, { status: 'addicted', registeredOn: '2025-08-01', managementDecisionOn: undefined });
    await t.db.query(`INSERT INTO supervisions (person_id, start_date, end_date) VALUES ($1, '2025-08-01', '2026-07-31')`, [mover.id]);
    const augustC1 = await coverage(w.c1.id, '2025-08-01', '2025-08-31');
    const augustC2 = await coverage(w.c2.id, '2025-08-01', '2025-08-31');

    t.clock.set(at(t, '2025-09-03'));
    await patch(mover.id, { residenceUnitId: w.c2.id });
    // August, recomputed after the move: every figure where it was.
    const c1Again = await coverage(w.c1.id, '2025-08-01', '2025-08-31');
    const c2Again = await coverage(w.c2.id, '2025-08-01', '2025-08-31');
    const figures = (r: Awaited<ReturnType<typeof coverage>>) => ({ withFiles: r?.withFiles, supervised: r?.postRehab.supervised, rates: r?.rates });
    expect(figures(c1Again)).toEqual(figures(augustC1));
    expect(figures(c2Again)).toEqual(figures(augustC2));
    expect(c1Again?.postRehab.supervised).toBe(1);
    // September ends after the move: the person is in C2 now, not in C1.
    expect((await coverage(w.c2.id, '2025-09-01', '2025-09-30'))?.postRehab.supervised).toBe(1);
    expect((await coverage(w.c1.id, '2025-09-01', '2025-09-30'))?.postRehab.supervised).toBe(0);
  });

  describe('detention', () => {
    let detention: string;
    let guard: TestUser;
    let root: TestUser;
    const FEB = ['2025-02-01', '2025-02-28'] as const;

    beforeAll(async () => {
      t.clock.set(at(t, '2025-01-20'));
      root = await admin(t);
      const made = await t.as(root.token).post('/api/v1/facilities', {
        code: `TG-${Date.now()}`,
        name: 'Trại tạm giam Công an tỉnh',
        type: 'detention_facility',
        adminUnitId: w.p.id,
      });
      expect(made.status).toBe(201);
      detention = made.body.id;
      const staff = await t.as(root.token).post('/api/v1/users', {
        username: `tamgiam${Date.now()}`,
        password: 'mat-khau-dai-12345',
        role: 'facility_staff',
        adminUnitId: w.p.id,
        facilityId: detention,
      });
      expect(staff.status).toBe(201);
      guard = await user(t, 'facility_staff', w.p, detention);
    });

    it('lets the detention facility treat a person held there, and nobody else record it', async () => {
      const held = await createPerson(t, worker.token, w.c1.id, { status: 'addicted', registeredOn: '2025-01-02', managementDecisionOn: undefined });
      const clinicStaff = await user(t, 'clinic_staff', w.c1, w.clinicP);
      const byClinic = await t.as(clinicStaff.token).post(`/api/v1/persons/${held.id}/enrollments`, { type: 'detention', facilityId: detention, startDate: '2025-01-20' });
      expect(byClinic.status).toBe(403);
      const atRehab = await t.as(root.token).post(`/api/v1/persons/${held.id}/enrollments`, { type: 'detention', facilityId: w.rehabP, startDate: '2025-01-20' });
      expect(atRehab.status).toBe(400);
      expect(JSON.stringify(atRehab.body.message)).toContain('facilityId');
      const treated = await t.as(guard.token).post(`/api/v1/persons/${held.id}/enrollments`, { type: 'detention', facilityId: detention, startDate: '2025-01-20' });
      expect(treated.status).toBe(201);
      expect(treated.body).toMatchObject({ type: 'detention', mode: null, facilityId: detention });
      // The facility now sees the person it treats, and its own enrollment of them.
      expect((await t.as(guard.token).get(`/api/v1/persons/${held.id}`)).status).toBe(200);
      expect((await t.as(guard.token).get(`/api/v1/persons/${held.id}/enrollments`)).body.total).toBe(1);
    });

    it('counts held and treated as of the period end, including files closed as detained in the period', async () => {
      t.clock.set(at(t, '2025-01-25'));
      const add = (extra: Record<string, unknown>) =>
        createPerson(t, worker.token, w.c2.id, { status: 'addicted', registeredOn: '2025-01-02', managementDecisionOn: undefined, ...extra });
      // Held and treated there from February.
      const treated = await add({ inDetention: true });
      // Held at the end of February, released in March: still held for February.
      const released = await add({ inDetention: true });
      // Closed as detained in February, treated in detention before the file was closed.
      const closedTreated = await add({});
      // Closed as detained in February, untreated.
      const closedUntreated = await add({});
      // Closed as detained in January: not held in February.
      const closedBefore = await add({});
      // `using`, in detention: not counted.
      await add({ status: 'using', managementDecisionOn: '2025-01-02', inDetention: true });

      const closeFile = async (id: string, closedOn: string) => {
        const res = await t.as(worker.token).post(`/api/v1/persons/${id}/close`, { closedOn, closeReason: 'detained' });
        expect([res.status, res.body.message]).toEqual([200, undefined]);
      };
      await closeFile(closedBefore.id, '2025-01-24');
      t.clock.set(at(t, '2025-02-05'));
      for (const p of [treated, closedTreated]) {
        const res = await t.as(guard.token).post(`/api/v1/persons/${p.id}/enrollments`, { type: 'detention', facilityId: detention, startDate: '2025-02-05' });
        expect(res.status).toBe(201);
      }
      t.clock.set(at(t, '2025-02-15'));
      await closeFile(closedTreated.id, '2025-02-10');
      await closeFile(closedUntreated.id, '2025-02-12');

      t.clock.set(at(t, '2025-03-05'));
      await patch(released.id, { inDetention: false });
      const february = await coverage(w.c2.id, ...FEB);
      expect(february?.asOf).toBe('2025-02-28');
      expect(february?.detention).toEqual({ held: 4, treated: 2, share: 0.5, target: 1 });
      // March: the released person is out; the files closed in February are no longer counted.
      const march = await coverage(w.c2.id, '2025-03-01', '2025-03-31');
      expect(march?.detention).toMatchObject({ held: 1, treated: 1 });
    });
  });
});
