import { Queue } from 'bullmq';
import { addDays } from '../../src/common/time/dates.js';
import { world } from '../support/factories.js';
import { discard, followUp, person, reminders, remindersOf, restart, supervision, waitFor } from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Shutdown with a job in hand, restart on the same database and queue, and retries. */
describe('reminder workers across shutdown and restart', () => {
  let t: TestApp;
  let inspect: Queue;

  beforeEach(async () => {
    t = await startTestApp({ runWorkers: true });
    // A queue of the test's own, so the jobs can be read while the app is down.
    inspect = new Queue('reminders', { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    await waitFor(async () => (await inspect.getJobs(['completed'])).some((j) => j?.name === 'sweep'), 15_000, 'first sweep');
  });
  afterEach(async () => {
    await inspect?.close();
  });

  it('finishes the job in hand before closing; after a restart the planned job runs, and nothing is raised twice', async () => {
    const w = await world(t);
    const today = t.clock.today();
    const p = await person(t.db, w.c1);
    const sup = await supervision(t.db, p.id, addDays(today, -40), addDays(today, 300));
    const now = await followUp(t.db, sup, addDays(today, 1)); // announced two days ago: runs at once
    const soon = await followUp(t.db, sup, addDays(today, 4)); // announced tomorrow
    // Freeze the clock four seconds before tomorrow starts, so the second job is due in four seconds.
    t.clock.set(new Date(t.clock.startOf(addDays(today, 1)).getTime() - 4_000));

    let entered!: () => void;
    const inHand = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    reminders(t).hooks.beforeRaise = async (job) => {
      if (job.subjectId !== now) return;
      entered();
      await released;
    };
    await reminders(t).replanForPerson(p.id);
    await inHand;

    let closed = false;
    const closing = t.app.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 800));
    expect(closed).toBe(false); // the worker waits for the job in hand
    expect(await remindersOf(t.db, p.id)).toEqual([]);
    expect(await (await inspect.getJob(`follow_up_due.${now}.${addDays(today, 1)}`))?.getState()).toBe('active');
    release();
    await closing;
    expect(await (await inspect.getJob(`follow_up_due.${now}.${addDays(today, 1)}`))?.getState()).toBe('completed');
    expect(await (await inspect.getJob(`follow_up_due.${soon}.${addDays(today, 4)}`))?.getState()).toBe('delayed');

    // A new life on the same database and queue prefix: it re-plans and sweeps on start.
    const again = await restart(t);
    try {
      const rows = await waitFor(async () => {
        const r = await remindersOf(again.db, p.id);
        return r.length === 2 && r;
      }, 15_000, 'the planned reminder after restart');
      expect(rows.map((r) => [r.kind, r.subject_id, r.due_date])).toEqual([
        ['follow_up_due', now, addDays(today, 1)],
        ['follow_up_due', soon, addDays(today, 4)],
      ]);
      const soonJob = await waitFor(async () => {
        const j = await inspect.getJob(`follow_up_due.${soon}.${addDays(today, 4)}`);
        return j && j.finishedOn ? j : undefined;
      }, 5_000, 'the planned job to finish');
      expect(soonJob.returnvalue).toEqual({ raised: true });
      const ids = (await inspect.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']))
        .filter((j) => j?.name === 'raise-reminder' && j.data.kind === 'follow_up_due')
        .map((j) => j.id)
        .sort();
      expect(ids).toEqual([`follow_up_due.${now}.${addDays(today, 1)}`, `follow_up_due.${soon}.${addDays(today, 4)}`].sort());
      expect((await reminders(again).sweep()).raised).toBe(0);
      expect(await remindersOf(again.db, p.id)).toHaveLength(2);
    } finally {
      await again.close();
      await discard(t);
    }
  });

  it('retries a failed job with backoff and keeps the attempt on record', async () => {
    const w = await world(t);
    const today = t.clock.today();
    const p = await person(t.db, w.c2);
    const sup = await supervision(t.db, p.id, addDays(today, -10), addDays(today, 300));
    const f = await followUp(t.db, sup, addDays(today, 2));
    let calls = 0;
    reminders(t).hooks.beforeRaise = async (job) => {
      if (job.subjectId === f && ++calls === 1) throw new Error('database briefly unavailable');
    };
    await reminders(t).replanForPerson(p.id);
    const id = `follow_up_due.${f}.${addDays(today, 2)}`;
    const failedOnce = await waitFor(async () => {
      const j = await inspect.getJob(id);
      return j && j.attemptsMade >= 1 ? j : undefined;
    }, 5_000, 'the first attempt');
    expect(await failedOnce.getState()).toBe('delayed'); // waiting for its backoff
    expect(await remindersOf(t.db, p.id)).toEqual([]);
    const done = await waitFor(async () => {
      const j = await inspect.getJob(id);
      return j && j.finishedOn ? j : undefined;
    }, 10_000, 'the retry');
    expect(done.attemptsMade).toBe(2);
    expect(done.finishedOn! - done.timestamp).toBeGreaterThanOrEqual(2_000);
    expect((await remindersOf(t.db, p.id)).map((r) => [r.kind, r.subject_id])).toEqual([['follow_up_due', f]]);
    await t.close();
  });
});
