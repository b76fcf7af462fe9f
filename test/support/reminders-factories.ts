import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Job } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap.js';
import { JobsService } from '../../src/common/jobs/jobs.service.js';
import { Clock } from '../../src/common/time/clock.js';
import type { AppConfig } from '../../src/config/config.js';
import type { RaiseReminderJob } from '../../src/modules/reminders/reminders.jobs.js';
import { ReminderPlanner } from '../../src/modules/reminders/reminders.planner.js';
import { dropDatabase } from './databases.js';
import { insertPerson, type Unit } from './factories.js';
export { freePort } from './private-servers.js';
import type { TestApp } from './test-app.js';

/**
 * Rows for reminder tests, inserted with raw SQL (the supervision and treatment features are tested
 * on their own), and helpers to look at the queue, restart an app and run a private Redis.
 */

let seq = 0;
const code = () => `RM${process.pid % 1000}${(++seq).toString(36)}${randomBytes(2).toString('hex')}`.toUpperCase();

export interface PersonRow {
  id: string;
  caseCode: string;
}

export async function person(
  db: DataSource,
  residence: Unit,
  opts: { status?: 'using' | 'addicted'; managementDecisionOn?: string | null; closedOn?: string } = {},
): Promise<PersonRow> {
  const caseCode = code();
  const id = await insertPerson(db, {
    caseCode,
    fullName: 'Nguyen Van Test',
    searchText: caseCode.toLowerCase(),
    dateOfBirth: '1990-01-01',
    residenceUnitId: residence.id,
    status: opts.status ?? 'addicted',
    registeredOn: '2024-01-01',
    managementDecisionOn: opts.managementDecisionOn ?? null,
    closedOn: opts.closedOn ?? null,
    closeReason: opts.closedOn ? 'moved_away' : null,
  });
  return { id, caseCode };
}

export async function supervision(db: DataSource, personId: string, startDate: string, endDate: string): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO supervisions (person_id, start_date, end_date) VALUES ($1, $2, $3) RETURNING id`,
    [personId, startDate, endDate],
  );
  return rows[0].id;
}

export async function followUp(db: DataSource, supervisionId: string, dueDate: string, status = 'scheduled'): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO follow_ups (supervision_id, due_date, status) VALUES ($1, $2, $3) RETURNING id`,
    [supervisionId, dueDate, status],
  );
  return rows[0].id;
}

export async function enrollment(
  db: DataSource,
  personId: string,
  opts: { type: 'community' | 'methadone' | 'facility'; facilityId?: string; startDate: string; plannedEndDate?: string; mode?: string },
): Promise<string> {
  const rows: { id: string }[] = await db.query(
    `INSERT INTO enrollments (person_id, type, mode, facility_id, start_date, planned_end_date) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [personId, opts.type, opts.mode ?? null, opts.facilityId ?? null, opts.startDate, opts.plannedEndDate ?? null],
  );
  return rows[0].id;
}

/** Writes one dose row per day (a second write for a day updates it, as the clinic's route does). */
export async function dose(db: DataSource, enrollmentId: string, date: string, status: 'taken' | 'missed'): Promise<void> {
  await db.query(
    `INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status) VALUES ($1, $2, $3, $4)
     ON CONFLICT (enrollment_id, date) DO UPDATE SET status = EXCLUDED.status, dose_mg = EXCLUDED.dose_mg, updated_at = now()`,
    [enrollmentId, date, status === 'taken' ? 60 : null, status],
  );
}

export interface ReminderRow {
  id: string;
  kind: string;
  person_id: string;
  subject_id: string;
  due_date: string;
  status: string;
  message: string;
  facility_id: string | null;
}

export async function remindersOf(db: DataSource, personId: string): Promise<ReminderRow[]> {
  return db.query(
    `SELECT id, kind, person_id, subject_id, due_date, status, message, facility_id FROM reminders
      WHERE person_id = $1 ORDER BY kind, due_date, subject_id`,
    [personId],
  );
}

/** The raise-reminder jobs of this app's queue, in every state. */
export async function raiseJobs(app: { get: NestFastifyApplication['get'] }): Promise<Job<RaiseReminderJob>[]> {
  const jobs = await app
    .get(JobsService)
    .queue('reminders')
    .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized', 'waiting-children']);
  return jobs.filter((j): j is Job<RaiseReminderJob> => Boolean(j) && j.name === 'raise-reminder');
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const reminders = (t: { app: { get: NestFastifyApplication['get'] } }) => t.app.get(ReminderPlanner);

/** A second life of an app: same database and queue prefix, as after a process restart. */
export interface Restarted {
  app: NestFastifyApplication;
  db: DataSource;
  clock: Clock;
  baseUrl: string;
  close(): Promise<void>;
}

export async function restart(t: TestApp, overrides: Partial<AppConfig> = {}): Promise<Restarted> {
  const app = await createHttpApp({ ...t.config, ...overrides }, t.databaseUrl);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, db: app.get(DataSource), clock: app.get(Clock), baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Cleans up after a test that closed `t.app` itself: flushes the queue keys and drops the database. */
export async function discard(t: TestApp): Promise<void> {
  await t.flushQueues();
  await dropDatabase(t.databaseName);
}

/** A private redis-server for fault tests; the shared one is never touched. */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}`));
      });
    });
  }

  /** Kills the server (its data goes with it: no persistence) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}
