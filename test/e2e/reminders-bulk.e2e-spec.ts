import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { world, type World } from '../support/factories.js';
import { dose, enrollment, followUp, person, reminders, supervision, type PersonRow } from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TODAY = '2026-03-10';

/** `replanForPersons` plans for many persons exactly the jobs their own `replanForPerson` calls would. */
describe('reminder planning for many persons at once', () => {
  let t: TestApp;
  let w: World;
  let a: PersonRow;
  let b: PersonRow;
  let c: PersonRow;
  let closed: PersonRow;
  let idle: PersonRow;
  let outsider: PersonRow;
  let ids: Record<string, string>;
  /** 10:00 on a date in TZ_NAME. */
  const at = (date: string) => new Date(t.clock.startOf(date).getTime() + 10 * 3600_000);
  const queue = () => t.app.get(JobsService).queue('reminders');

  /** The raise-reminder jobs waiting in the queue (no worker runs here), by id. */
  async function planned(): Promise<{ id: string; delay: number; data: unknown; timestamp: number }[]> {
    const jobs = await queue().getJobs(['delayed', 'waiting', 'prioritized']);
    return jobs
      .filter((j) => j?.name === 'raise-reminder')
      .map((j) => ({ id: j.id as string, delay: j.opts.delay ?? 0, data: j.data as unknown, timestamp: j.timestamp }))
      .sort((x, y) => x.id.localeCompare(y.id));
  }
  const withoutTimestamps = (jobs: Awaited<ReturnType<typeof planned>>) => jobs.map(({ timestamp: _t, ...rest }) => rest);

  beforeAll(async () => {
    t = await startTestApp(); // no workers: planned jobs stay in the queue to be compared
    w = await world(t);
    t.clock.set(at(TODAY));
    // a: a supervision with follow-ups before, inside and beyond the 35-day horizon (lead 3, grace 7).
    a = await person(t.db, w.c1);
    const supA = await supervision(t.db, a.id, '2025-12-01', '2026-03-24');
    const f1 = await followUp(t.db, supA, '2026-03-12');
    const f2 = await followUp(t.db, supA, '2026-03-20');
    await followUp(t.db, supA, '2026-06-01');
    await followUp(t.db, supA, '2026-03-01', 'done');
    // b: a using file whose management ends, on methadone with three missed days in a row.
    b = await person(t.db, w.c2, { status: 'using', managementDecisionOn: '2025-03-20' });
    const enrB = await enrollment(t.db, b.id, { type: 'methadone', facilityId: w.clinicP, startDate: '2026-01-01', plannedEndDate: '2026-04-20' });
    await dose(t.db, enrB, '2026-03-06', 'taken');
    for (const d of ['2026-03-07', '2026-03-08', '2026-03-09']) await dose(t.db, enrB, d, 'missed');
    // c: another province, five missed days in a row (3 working days: an alert, not self-termination).
    c = await person(t.db, w.qc);
    const enrC = await enrollment(t.db, c.id, { type: 'methadone', facilityId: w.clinicQ, startDate: '2026-01-01' });
    for (const d of ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']) await dose(t.db, enrC, d, 'missed');
    // A closed file and a file with nothing to remind: no jobs.
    closed = await person(t.db, w.c3, { closedOn: '2026-03-01' });
    await followUp(t.db, await supervision(t.db, closed.id, '2026-01-01', '2026-12-31'), '2026-03-15');
    idle = await person(t.db, w.c1);
    // Not asked for: must get nothing from the others' planning.
    outsider = await person(t.db, w.c1);
    await followUp(t.db, await supervision(t.db, outsider.id, '2026-01-01', '2026-12-31'), '2026-03-15');
    ids = { supA, f1, f2, enrB, enrC };
  });
  afterAll(async () => {
    t?.clock.set(undefined);
    await t?.close();
  });
  beforeEach(() => t.clock.set(at(TODAY)));

  it('plans the very jobs the per-person calls plan: same ids, payloads and delays', async () => {
    const now = at(TODAY).getTime();
    const delay = (date: string) => Math.max(0, t.clock.startOf(date).getTime() - now);
    const job = (kind: string, personId: string, subjectId: string, dueDate: string, moment: string) => ({
      id: [kind, subjectId, dueDate].join('.'),
      delay: delay(moment),
      data: { kind, personId, subjectId, dueDate },
    });
    const expected = [
      job('follow_up_due', a.id, ids.f1, '2026-03-12', '2026-03-09'),
      job('follow_up_overdue', a.id, ids.f1, '2026-03-12', '2026-03-19'),
      job('follow_up_due', a.id, ids.f2, '2026-03-20', '2026-03-17'),
      job('follow_up_overdue', a.id, ids.f2, '2026-03-20', '2026-03-27'),
      job('supervision_ending', a.id, ids.supA, '2026-03-24', '2026-03-09'),
      job('management_ending', b.id, b.id, '2026-03-19', '2026-03-04'),
      job('enrollment_ending', b.id, ids.enrB, '2026-04-20', '2026-04-05'),
      job('missed_doses', b.id, ids.enrB, '2026-03-07', '2026-03-09'),
      job('missed_doses', c.id, ids.enrC, '2026-03-05', '2026-03-07'),
    ].sort((x, y) => x.id.localeCompare(y.id));
    expect(expected.filter((j) => j.delay === 0).map((j) => j.id)).toHaveLength(5);

    for (const p of [a, b, c, closed, idle]) await reminders(t).replanForPerson(p.id);
    const one = withoutTimestamps(await planned());
    expect(one).toEqual(expected);

    await t.flushQueues();
    expect(await planned()).toEqual([]);
    await reminders(t).replanForPersons([idle.id, c.id, a.id, closed.id, b.id, a.id]);
    const bulk = withoutTimestamps(await planned());
    expect(bulk).toEqual(one);
    expect(bulk.some((j) => (j.data as { personId: string }).personId === outsider.id)).toBe(false);
    // Same options too: retries with backoff, failed jobs kept.
    const [first] = await queue().getJobs(['delayed']);
    expect(first.opts).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 2000 }, removeOnFail: false });
  });

  it('is idempotent: planning again, in bulk or per person, keeps the jobs there and adds none', async () => {
    const before = await planned();
    expect(before).toHaveLength(9);
    await reminders(t).replanForPersons([a.id, b.id, c.id, closed.id, idle.id]);
    await reminders(t).replanForPersons([b.id, a.id, c.id]);
    await reminders(t).replanForPerson(c.id);
    // The same jobs, not replaced by new ones (their creation times are unchanged).
    expect(await planned()).toEqual(before);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM reminders`)).toEqual([{ n: 0 }]);
  });

  it('never throws: no persons plan nothing, a bad id is logged and left to the sweep', async () => {
    const before = await planned();
    await expect(reminders(t).replanForPersons([])).resolves.toBeUndefined();
    await expect(reminders(t).replanForPersons([outsider.id, 'not-a-uuid'])).resolves.toBeUndefined();
    await expect(reminders(t).replanForPerson('not-a-uuid')).resolves.toBeUndefined();
    expect(await planned()).toEqual(before);
  });
});
