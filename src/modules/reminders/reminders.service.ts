import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid, ownFacilityOnly, personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode, conflict, notFound } from '../../common/errors/app-error.js';
import { offsetOf, page, type Page } from '../../common/http/paging.js';
import { JobsService, QueueUnavailable } from '../../common/jobs/jobs.service.js';
import { Clock } from '../../common/time/clock.js';
import { addDays } from '../../common/time/dates.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import type { ReminderQuery } from './dto/reminder.dto.js';
import type { ReminderKind, ReminderStatus } from './reminder.entity.js';
import {
  REPLAN_PATTERN,
  REPLAN_SCHEDULER,
  SWEEP_SCHEDULER,
  delayUntil,
  raiseJobId,
  type RaiseReminderJob,
} from './reminders.jobs.js';
import {
  CANDIDATES,
  MARK_MISSED,
  PLANNED,
  PLAN_HORIZON_DAYS,
  RESOLVE_DONE,
  candidateArgs,
  insertReminders,
  type PlannedRow,
} from './reminders.sql.js';

/** A Redis write that has not answered by then is given up; the sweep covers for it. */
/** How often a worker process checks that the repeatable jobs still exist (after a Redis flush or restart). */
const WATCHDOG_MAX_MS = 30_000;
const ADD_BULK_CHUNK = 500;
/** Persons planned by one candidate query (their ids go in one uuid[] parameter). */
const PLAN_PERSONS_CHUNK = 10_000;
/** Serializes sweeps across processes; a second sweep waits, then finds nothing left to do. */
const SWEEP_LOCK = 7_347_006;

export interface ReminderView {
  id: string;
  kind: ReminderKind;
  personId: string;
  caseCode: string;
  subjectId: string;
  dueDate: string;
  status: ReminderStatus;
  message: string;
  facilityId: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

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

/** Counts the rows an UPDATE … RETURNING touched (TypeORM answers a bare UPDATE with [rows, count]). */
const countOf = (update: string) => `WITH touched AS (${update}) SELECT count(*)::int AS n FROM touched`;

const VIEW_COLUMNS = `r.id, r.kind, r.person_id AS "personId", p.case_code AS "caseCode", r.subject_id AS "subjectId",
  r.due_date AS "dueDate", r.status, r.message, r.facility_id AS "facilityId", r.created_at AS "createdAt",
  r.acknowledged_at AS "acknowledgedAt", r.resolved_at AS "resolvedAt"`;

/**
 * Reminders for the worker responsible for a person. The database is the truth: BullMQ delayed jobs
 * raise reminders at their moment, and a periodic sweep raises in SQL whatever a lost job would
 * have. Other features call two things:
 * - `resolve(manager, subjectId, kinds)` inside their transaction when the work is done;
 * - `replanForPerson(personId)` after their transaction commits, so jobs match the database;
 *   `replanForPersons(personIds)` after writing many files at once (an import, a batch): the same
 *   jobs, with one query and a few Redis round trips instead of one each per person.
 *   Neither throws: when Redis is away the periodic sweep raises what a lost job would have.
 */
@Injectable()
export class RemindersService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  readonly hooks: ReminderHooks = {};
  private watchdog: NodeJS.Timeout | undefined;
  private replanning: Promise<unknown> | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
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

  // ---- called by other features ----

  async resolve(manager: EntityManager, subjectId: string, kinds: ReminderKind[]): Promise<void> {
    await manager.query(
      `UPDATE reminders SET status = 'resolved', resolved_at = now()
        WHERE subject_id = $1 AND kind = ANY($2) AND status <> 'resolved'`,
      [subjectId, kinds],
    );
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
  async replanForPersons(personIds: readonly string[]): Promise<void> {
    try {
      for (let i = 0; i < personIds.length; i += PLAN_PERSONS_CHUNK) {
        await this.plan(personIds.slice(i, i + PLAN_PERSONS_CHUNK));
      }
    } catch (err) {
      this.logger.warn(
        { persons: personIds.length, errorClass: (err as Error).name, error: (err as Error).message },
        personIds.length === 1 ? 'could not plan reminder jobs for a person' : 'could not plan reminder jobs for persons',
      );
    }
  }

  // ---- planning, sweeping, raising ----

  private candidateParams(personIds: readonly string[] | null, today = this.clock.today()) {
    return candidateArgs({
      today,
      leadDays: this.config.reminderLeadDays,
      graceDays: this.config.reminderGraceDays,
      missedAlertDays: this.config.methadoneMissedAlertDays,
      personIds,
    });
  }

  /** Adds a delayed job for every pending reminder (of these persons, or all) due within the horizon. */
  async plan(personIds: readonly string[] | null): Promise<number> {
    if (personIds?.length === 0) return 0;
    const today = this.clock.today();
    const rows: PlannedRow[] = await this.db.query(PLANNED, [...this.candidateParams(personIds, today), addDays(today, PLAN_HORIZON_DAYS)]);
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
        level: c.level,
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
      if (job.kind === 'follow_up_overdue') {
        await m.query(
          `UPDATE follow_ups f SET status = 'missed', updated_at = now()
             FROM supervisions s
            WHERE f.id = $1 AND f.due_date = $2 AND f.status = 'scheduled'
              AND s.id = f.supervision_id AND s.status = 'active'`,
          [job.subjectId, job.dueDate],
        );
      }
      const rows: { inserted: boolean }[] = await m.query(
        insertReminders(`SELECT * FROM (${CANDIDATES}) x WHERE x.kind = $6 AND x.subject_id = $7::uuid AND x.due_date = $8::date`),
        [...this.candidateParams([job.personId]), job.kind, job.subjectId, job.dueDate],
      );
      return { raised: rows.length > 0 };
    });
  }

  /** Set-based catch-up: marks overdue follow-ups missed, raises everything due, resolves what is done. */
  async sweep(): Promise<SweepResult> {
    return this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [SWEEP_LOCK]);
      const today = this.clock.today();
      const [marked]: { n: number }[] = await m.query(countOf(MARK_MISSED), [today, this.config.reminderGraceDays]);
      const raised: unknown[] = await m.query(
        insertReminders(`SELECT * FROM (${CANDIDATES}) x WHERE x.moment_date <= $1::date`),
        this.candidateParams(null),
      );
      const [resolved]: { n: number }[] = await m.query(countOf(RESOLVE_DONE));
      const result = { raised: raised.length, markedMissed: marked.n, resolved: resolved.n };
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

  /** The admin route: like replanAll, but a missing Redis answers 503 (after the sweep has run). */
  async replanOnDemand(): Promise<ReplanResult> {
    try {
      return await this.replanAll();
    } catch (err) {
      if (err instanceof QueueUnavailable) {
        throw new AppError(ErrorCode.Unavailable, 'the job queue is unavailable: due reminders were raised from the database, jobs were not planned');
      }
      throw err;
    }
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

  // ---- the HTTP side ----

  private scopeOf(actor: Actor): { sql: string; params: Record<string, unknown> } {
    // Facility staff see what is routed to their facility (missed doses, ends of their enrollments).
    const scope = ownFacilityOnly(actor, 'r.facility_id') ?? personInScope(actor, 'p');
    // A user's daily limit of national-id conflicts is the administrators' business, not the commune's.
    if (actor.role === 'admin') return scope;
    return { sql: `(${scope.sql}) AND r.kind <> 'conflict_cap'`, params: scope.params };
  }

  async list(actor: Actor, query: ReminderQuery): Promise<Page<ReminderView>> {
    // Reminders name people (case codes in the messages): one audit row naming them, in the read's transaction.
    return this.db.transaction(async (m) => {
      const result = await this.listIn(m, actor, query);
      const personIds = [...new Set(result.items.map((r) => r.personId))];
      if (personIds.length) await this.audit.record(actor, { action: 'read', entity: 'person', meta: { view: 'reminders', personIds } }, m);
      return result;
    });
  }

  private async listIn(m: EntityManager, actor: Actor, query: ReminderQuery): Promise<Page<ReminderView>> {
    const scope = this.scopeOf(actor);
    const qb = m
      .createQueryBuilder()
      .from('reminders', 'r')
      .innerJoin('persons', 'p', 'p.id = r.person_id')
      .where(scope.sql, scope.params);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('r.kind = :kind', { kind: query.kind });
    if (query.personId) qb.andWhere('r.person_id = :personId', { personId: query.personId });
    const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const items = await qb
      .select(VIEW_COLUMNS)
      .orderBy('r.due_date', 'DESC')
      .addOrderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .offset(offsetOf(query))
      .limit(query.pageSize)
      .getRawMany<ReminderView>();
    return page(items, total?.n ?? 0, query);
  }

  /** Acknowledges a reminder in the caller's scope; a resolved one answers 409. */
  async acknowledge(actor: Actor, id: string): Promise<ReminderView> {
    return this.db.transaction(async (m) => {
      const scope = this.scopeOf(actor);
      const row = isUuid(id)
        ? await m
            .createQueryBuilder()
            .select(['r.id AS id', 'r.status AS status'])
            .from('reminders', 'r')
            .innerJoin('persons', 'p', 'p.id = r.person_id')
            .where('r.id = :id', { id })
            .andWhere(scope.sql, scope.params)
            .setLock('pessimistic_write', undefined, ['r'])
            .getRawOne<{ id: string; status: ReminderStatus }>()
        : undefined;
      if (!row) throw notFound('reminder');
      if (row.status === 'resolved') throw conflict('the reminder is already resolved');
      if (row.status === 'open') {
        await m.query(`UPDATE reminders SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1`, [
          id,
          actor.id,
        ]);
        await this.audit.record(actor, { action: 'acknowledge', entity: 'reminder', entityId: id, fields: ['status'] }, m);
      }
      const [view]: ReminderView[] = await m.query(
        `SELECT ${VIEW_COLUMNS} FROM reminders r JOIN persons p ON p.id = r.person_id WHERE r.id = $1`,
        [id],
      );
      return view;
    });
  }
}
