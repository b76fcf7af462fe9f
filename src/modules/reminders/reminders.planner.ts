import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events.js';
import { JobsService } from '../../common/jobs/jobs.service.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { SupervisionRepository } from '../supervision/supervision.repository.js';
import type { ReminderKind } from './reminder-kinds.js';
import { REPLAN_PATTERN, REPLAN_SCHEDULER, SWEEP_SCHEDULER, delayUntil, raiseJobId, type RaiseReminderJob } from './reminders.jobs.js';
import { RemindersRepository } from './reminders.repository.js';

/** How often, at most, a worker process checks that the repeatable jobs still exist (after a Redis flush or restart). */
const WATCHDOG_MAX_MS = 30_000;
const ADD_BULK_CHUNK = 500;
/** Persons planned by one candidate query (their ids go in one uuid[] parameter). */
const PLAN_PERSONS_CHUNK = 10_000;

export interface SweepResult {
  raised: number;
  markedMissed: number;
  resolved: number;
}

export interface ReplanResult extends SweepResult {
  /** Jobs handed to the queue (a job already there under the same id is kept, not doubled). */
  planned: number;
}

/** Test seam: lets a test hold a job in hand. Unset in production. */
export interface ReminderHooks {
  beforeRaise?: (job: RaiseReminderJob) => Promise<void>;
}

/**
 * The worker side of reminders. The database is the truth: BullMQ delayed jobs raise reminders at
 * their moment, and a periodic sweep raises in SQL whatever a lost job would have.
 *
 * No feature calls the planner: a write publishes `person.changed` in its transaction
 * (common/events/domain-events.ts) and, once it has committed, the planner plans that person's jobs.
 * Planning never throws: when Redis is away the sweep and the daily re-plan cover for it.
 */
@Injectable()
export class ReminderPlanner implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  readonly hooks: ReminderHooks = {};
  private watchdog: NodeJS.Timeout | undefined;
  private replanning: Promise<unknown> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly reminders: RemindersRepository,
    private readonly followUps: SupervisionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.on('person.changed', (personIds, manager) => this.replanForPersons(personIds, manager));
    this.jobs.handle('reminders', 'raise-reminder', (job: Job<RaiseReminderJob>) => this.raise(job.data));
    this.jobs.handle('reminders', 'sweep', () => this.sweep());
    this.jobs.handle('reminders', 'replan', () => this.replanAll());
  }

  /** Where workers run: re-plan from the database now, and again whenever the schedules vanish. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    await this.replanInBackground();
    const every = Math.min(WATCHDOG_MAX_MS, this.config.reminderSweepEverySeconds * 1000);
    this.watchdog = setInterval(() => void this.checkSchedules(), every);
    this.watchdog.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  /** Plans the person's pending reminders. Never throws: the sweep covers for a failure. */
  async replanForPerson(personId: string): Promise<void> {
    await this.replanForPersons([personId]);
  }

  /**
   * Plans the pending reminders of many persons: the jobs `replanForPerson` would plan for each,
   * with one candidate query per 10,000 persons and `addBulk` in chunks. Never throws; after a
   * failure the rest is left to the sweep and the daily re-plan.
   */
  async replanForPersons(personIds: readonly string[], manager?: EntityManager): Promise<void> {
    try {
      for (let i = 0; i < personIds.length; i += PLAN_PERSONS_CHUNK) {
        await this.plan(personIds.slice(i, i + PLAN_PERSONS_CHUNK), manager);
      }
    } catch (err) {
      this.logger.warn(
        { persons: personIds.length, errorClass: (err as Error).name, error: (err as Error).message },
        personIds.length === 1 ? 'could not plan reminder jobs for a person' : 'could not plan reminder jobs for persons',
      );
    }
  }

  /** Adds a delayed job for every pending reminder (of these persons, or all) due within the horizon. */
  async plan(personIds: readonly string[] | null, manager?: EntityManager): Promise<number> {
    if (personIds?.length === 0) return 0;
    const rows = await this.reminders.planned(personIds, manager);
    const now = this.clock.now();
    // A plan spans a few dozen distinct moments: each one's start in TZ_NAME is reckoned once.
    const delays = new Map<string, number>();
    const jobs = new Array<{ name: 'raise-reminder'; data: RaiseReminderJob; opts: { jobId: string; delay: number } }>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const c = rows[i];
      let delay = delays.get(c.moment_date);
      if (delay === undefined) {
        delay = delayUntil(this.clock.startOf(c.moment_date), now);
        delays.set(c.moment_date, delay);
      }
      const data: RaiseReminderJob = {
        kind: c.kind as ReminderKind,
        personId: c.person_id,
        subjectId: c.subject_id,
        dueDate: c.due_date,
      };
      jobs[i] = { name: 'raise-reminder', data, opts: { jobId: raiseJobId(data), delay } };
    }
    for (let i = 0; i < jobs.length; i += ADD_BULK_CHUNK) {
      await this.jobs.withQueue('reminders', (queue) => queue.addBulk(jobs.slice(i, i + ADD_BULK_CHUNK)));
    }
    return jobs.length;
  }

  /**
   * Raises one reminder if its subject still needs it (the database is re-read: the follow-up may be
   * done, the enrollment ended). Raising an overdue follow-up also marks it missed.
   */
  async raise(job: RaiseReminderJob): Promise<{ raised: boolean }> {
    await this.hooks.beforeRaise?.(job);
    return this.db.transaction(async (m) => {
      if (job.kind === 'follow_up_overdue') await this.followUps.markMissed(m, { followUp: { id: job.subjectId, dueDate: job.dueDate } });
      return { raised: await this.reminders.raiseOne(m, job) };
    });
  }

  /** Set-based catch-up: marks overdue follow-ups missed, raises everything due, resolves what is done. */
  async sweep(): Promise<SweepResult> {
    return this.db.transaction(async (m) => {
      await this.reminders.lockSweep(m);
      const markedMissed = await this.followUps.markMissed(m, { dueBy: { today: this.clock.today(), graceDays: this.config.reminderGraceDays } });
      const raised = await this.reminders.raiseDue(m);
      const resolved = await this.reminders.resolveDone(m);
      const result = { raised, markedMissed, resolved };
      if (result.raised || result.markedMissed || result.resolved) this.logger.log(result, 'reminder sweep');
      return result;
    });
  }

  /** Sweeps, re-creates the repeatable jobs and plans every pending reminder. Throws when Redis is away. */
  async replanAll(): Promise<ReplanResult> {
    const swept = await this.sweep();
    await this.ensureSchedules();
    const planned = await this.plan(null);
    return { ...swept, planned };
  }

  private async ensureSchedules(): Promise<void> {
    await this.jobs.withQueue('reminders', async (queue) => {
      await queue.upsertJobScheduler(SWEEP_SCHEDULER, { every: this.config.reminderSweepEverySeconds * 1000 }, { name: 'sweep', data: {} });
      await queue.upsertJobScheduler(REPLAN_SCHEDULER, { pattern: REPLAN_PATTERN, tz: this.config.tzName }, { name: 'replan', data: {} });
    });
  }

  /** One re-plan at a time in this process; failures are logged and retried by the watchdog. */
  private replanInBackground(): Promise<unknown> {
    this.replanning ??= this.replanAll()
      .then((r) => this.logger.log(r, 'reminders re-planned from the database'))
      .catch((err: Error) => this.logger.warn({ errorClass: err.name, error: err.message }, 're-plan failed; will retry'))
      .finally(() => (this.replanning = undefined));
    return this.replanning;
  }

  /** After a Redis flush or restart the schedules are gone: re-plan everything. */
  private async checkSchedules(): Promise<void> {
    if (this.replanning) return;
    try {
      const scheduler = await this.jobs.withQueue('reminders', (queue) => queue.getJobScheduler(SWEEP_SCHEDULER));
      if (scheduler) return;
    } catch {
      // Redis is away; a later tick retries once it is back.
      return;
    }
    this.logger.warn('reminder schedules missing from the queue; re-planning from the database');
    await this.replanInBackground();
  }
}
