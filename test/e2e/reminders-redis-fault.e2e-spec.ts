import { addDays } from '../../src/common/time/dates.js';
import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { SWEEP_SCHEDULER } from '../../src/modules/reminders/reminders.jobs.js';
import { admin, world } from '../support/factories.js';
import { PrivateRedis, followUp, freePort, person, reminders, remindersOf, supervision, waitFor } from '../support/reminders-factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Redis is lost while the service runs. A private redis-server on another port is killed (its data
 * goes with it) and started again; the shared Redis is never touched.
 */
describe('reminders when Redis is lost', () => {
  let redis: PrivateRedis;
  let t: TestApp | undefined;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
  });
  afterAll(async () => {
    try {
      await t?.close();
    } finally {
      await redis.kill();
    }
  });

  it('answers 503 naming redis while it is down; a write made meanwhile gets its reminder and jobs once Redis is back', async () => {
    t = await startTestApp({ runWorkers: true, redisUrl: redis.url, reminderSweepEverySeconds: 2 });
    const app = t;
    const w = await world(app);
    const adm = await admin(app);
    const queue = app.app.get(JobsService).queue('reminders');
    expect((await app.http.get('/health')).status).toBe(200);
    await waitFor(async () => queue.getJobScheduler(SWEEP_SCHEDULER), 10_000, 'the sweep schedule');

    await redis.kill();
    const health = await waitFor(async () => {
      const res = await app.http.get('/health');
      return res.status === 503 && res;
    }, 10_000, '503 from /health');
    expect(health.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'service_unavailable', message: 'redis down', status: 'error', checks: { database: 'up', redis: 'down' } });
    const replan = await app.as(adm.token).post('/api/v1/reminders/replan');
    expect(replan.status).toBe(503);
    expect(replan.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('queue') });

    // A feature writes to PostgreSQL while Redis is down, then asks for its jobs: no error, no wait.
    const today = app.clock.today();
    const p = await person(app.db, w.c1);
    const sup = await supervision(app.db, p.id, addDays(today, -20), addDays(today, 300));
    const due = await followUp(app.db, sup, addDays(today, 2)); // announced yesterday
    const later = await followUp(app.db, sup, addDays(today, 12)); // announced in nine days
    const started = Date.now();
    await expect(reminders(app).replanForPerson(p.id)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await remindersOf(app.db, p.id)).toEqual([]);

    // Redis comes back empty: the service notices its schedules are gone and re-plans from the database.
    await redis.start();
    await waitFor(async () => (await app.http.get('/health')).status === 200, 15_000, '200 from /health');
    const rows = await waitFor(async () => {
      const r = await remindersOf(app.db, p.id);
      return r.length > 0 && r;
    }, 20_000, 'the reminder written while Redis was down');
    expect(rows.map((r) => [r.kind, r.subject_id, r.due_date, r.status])).toEqual([['follow_up_due', due, addDays(today, 2), 'open']]);
    const ids = await waitFor(async () => {
      const jobs = (await queue.getJobs(['delayed'])).filter((j) => j?.data?.personId === p.id);
      return jobs.length === 3 && jobs.map((j) => j.id).sort();
    }, 10_000, 'the re-planned jobs');
    expect(ids).toEqual(
      [
        `follow_up_overdue.${due}.${addDays(today, 2)}`,
        `follow_up_due.${later}.${addDays(today, 12)}`,
        `follow_up_overdue.${later}.${addDays(today, 12)}`,
      ].sort(),
    );
    expect(await queue.getJobScheduler(SWEEP_SCHEDULER)).toBeTruthy();

    // The route and further sweeps add nothing twice.
    const res = await app.as(adm.token).post('/api/v1/reminders/replan');
    expect(res.status).toBe(200);
    expect(res.body.raised).toBe(0);
    expect(await remindersOf(app.db, p.id)).toHaveLength(1);
    expect((await queue.getJobs(['delayed'])).filter((j) => j?.data?.personId === p.id)).toHaveLength(3);
  });
});
