import { PersonHistory1765600000000 } from '../../migrations/1765600000000-PersonHistory.js';
import { CoverageService } from '../../src/modules/reports/coverage.service.js';
import { user, world, type TestUser, type World } from '../support/factories.js';
import { createPerson } from '../support/persons-factories.js';
import { at } from '../support/treatment-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A report counts each person with the status they had at the period's end, from the file's
 * history (person_history), so a past period's figures do not move when a status changes later.
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
});
