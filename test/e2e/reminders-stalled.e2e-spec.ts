import { Queue } from 'bullmq';
import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { addDays } from '../../src/common/time/dates.js';
import { world } from '../support/factories.js';
import {
  discard,
  followUp,
  person,
  reminders,
  remindersOf,
  restart,
  supervision,
  waitFor,
  type Restarted,
} from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A worker killed with a job in hand (no graceful shutdown: the job is neither finished nor its lock
 * released, so it stays 'active'). After a restart, stalled-job recovery takes it back once the
 * lock has expired (JOB_LOCK_SECONDS), and the reminder is raised exactly once.
 */
describe('a reminder job whose worker was killed', () => {
  /** Short, so the dead worker's lock expires and the stalled check runs within a few seconds. */
  const LOCK_SECONDS = 1;
  let t: TestApp;
  let inspect: Queue;

  beforeEach(async () => {
    t = await startTestApp({ runWorkers: true, jobLockSeconds: LOCK_SECONDS });
    // A queue of the test's own, so the jobs can be read while the app is down.
    inspect = new Queue('reminders', { connection: { url: t.config.redisUrl }, prefix: t.config.queuePrefix });
    await waitFor(async () => (await inspect.getJobs(['completed'])).some((j) => j?.name === 'sweep'), 15_000, 'first sweep');
  });
  afterEach(async () => {
    await inspect?.close();
  });

  it('is left active by the kill; after a restart it is taken back and completes, raising one reminder', async () => {
    const w = await world(t);
    const today = t.clock.today();
    const p = await person(t.db, w.c1);
    const sup = await supervision(t.db, p.id, addDays(today, -40), addDays(today, 300));
    const f = await followUp(t.db, sup, addDays(today, 1)); // announced two days ago: its job runs at once
    const id = `follow_up_due.${f}.${addDays(today, 1)}`;

    let entered!: () => void;
    const inHand = new Promise<void>((r) => (entered = r));
    reminders(t).hooks.beforeRaise = (job) => {
      if (job.subjectId !== f) return Promise.resolve();
      entered();
      return new Promise<void>(() => undefined); // never returns: the process dies with the job in hand
    };

    let firstLifeOpen = true;
    let again: Restarted | undefined;
    try {
      await reminders(t).replanForPerson(p.id);
      await inHand;
      expect(await remindersOf(t.db, p.id)).toEqual([]);

      // A hard kill: the worker stops at once, neither finishing the job nor releasing its lock.
      const worker = t.app.get(JobsService).workerOf('reminders');
      expect(worker).toBeDefined();
      await worker!.close(true);
      await t.app.close();
      firstLifeOpen = false;
      const left = await inspect.getJob(id);
      expect(await left?.getState()).toBe('active');
      expect(left?.finishedOn).toBeUndefined();

      // A new life on the same database and queue prefix.
      again = await restart(t, { runWorkers: true, jobLockSeconds: LOCK_SECONDS });
      const done = await waitFor(async () => {
        const j = await inspect.getJob(id);
        return j?.finishedOn ? j : undefined;
      }, 15_000, 'the killed job to be taken back and completed');
      expect(await done.getState()).toBe('completed');
      expect(done.stalledCounter).toBe(1); // moved back to waiting once, by the stalled-job check
      expect(done.failedReason).toBeFalsy();

      // Raised once, whether by the taken-back job or by the sweep of the restart that ran first.
      const rows = await remindersOf(again.db, p.id);
      expect(rows.map((r) => [r.kind, r.subject_id, r.due_date])).toEqual([['follow_up_due', f, addDays(today, 1)]]);
      expect((await reminders(again).sweep()).raised).toBe(0);
      expect(await remindersOf(again.db, p.id)).toHaveLength(1);
    } finally {
      await again?.close();
      if (firstLifeOpen) await t.app.close().catch(() => undefined);
      await discard(t);
    }
  });
});
