import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { offsetOf, page, type Page } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { addDays } from '../../common/time/dates.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { selfTerminationRuleOn } from '../treatment/treatment-policy.js';
import type { ReminderQuery } from './dto/reminder.dto.js';
import type { ReminderKind, ReminderStatus } from './reminder-kinds.js';
import { CANDIDATES, CANDIDATE_PARAMS, PLANNED, PLAN_HORIZON_DAYS, RESOLVE_DONE, candidateArgs, insertReminders, type PlannedRow } from './reminders.sql.js';

/**
 * A reminder as the HTTP routes answer it: something due for a person's responsible worker. Unique
 * per (kind, subject, due date): however often its job runs, a reminder is raised once.
 * `facilityId` routes clinic reminders to the clinic.
 */
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

/** A scope predicate over `r` (reminders) and `p` (persons), TypeORM-style parameters. */
export interface ReminderScope {
  sql: string;
  params: Record<string, unknown>;
}

/** Counts the rows an UPDATE … RETURNING touched (TypeORM answers a bare UPDATE with [rows, count]). */
const countOf = (update: string) => `WITH touched AS (${update}) SELECT count(*)::int AS n FROM touched`;

const VIEW_COLUMNS = `r.id, r.kind, r.person_id AS "personId", p.case_code AS "caseCode", r.subject_id AS "subjectId",
  r.due_date AS "dueDate", r.status, r.message, r.facility_id AS "facilityId", r.created_at AS "createdAt",
  r.acknowledged_at AS "acknowledgedAt", r.resolved_at AS "resolvedAt"`;

/** Serializes sweeps across processes; a second sweep waits, then finds nothing left to do. */
const SWEEP_LOCK = 7_347_006;

/**
 * Every statement on the `reminders` table (the candidate SQL itself lives in reminders.sql.ts).
 * Other features write reminders only through the methods of the first section, inside their own
 * transaction.
 */
@Injectable()
export class RemindersRepository {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- called by other features, inside their transaction ----

  /** Resolves the subject's reminders of these kinds (the work is done). */
  async resolve(manager: EntityManager, subjectId: string, kinds: ReminderKind[]): Promise<void> {
    await manager.query(
      `UPDATE reminders SET status = 'resolved', resolved_at = now()
        WHERE subject_id = $1 AND kind = ANY($2) AND status <> 'resolved'`,
      [subjectId, kinds],
    );
  }

  /**
   * After a dose write: resolves the enrollment's missed-dose reminders whose run is no longer
   * current. A correction of a day outside the current run resolves nothing.
   */
  async resolveStaleMissedDoses(manager: EntityManager, enrollmentId: string): Promise<void> {
    await manager.query(`WITH touched AS (${RESOLVE_DONE}) SELECT 1`, this.resolveParams(enrollmentId));
  }

  /** A merge: every reminder of one person now concerns another. Answers how many moved. */
  async movePerson(manager: EntityManager, fromPersonId: string, toPersonId: string): Promise<number> {
    const [, moved]: [unknown, number] = await manager.query(`UPDATE reminders SET person_id = $2 WHERE person_id = $1`, [fromPersonId, toPersonId]);
    return moved;
  }

  /** Resolves every reminder of the subject, whatever its kind. */
  async resolveAllOf(manager: EntityManager, subjectId: string): Promise<void> {
    await manager.query(`UPDATE reminders SET status = 'resolved', resolved_at = now() WHERE subject_id = $1 AND status <> 'resolved'`, [subjectId]);
  }

  /** A file moved in (an accepted transfer request): the receiving commune's `transfer_in` reminder, once. */
  async raiseTransferIn(
    manager: EntityManager,
    r: { personId: string; transferRequestId: string; movedOn: string; caseCode: string; fromUnitName: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message)
       VALUES ('transfer_in', $1, $2, $3::date, format('Case %s: file moved in from %s on %s.', $4::text, $5::text, $3::date))
       ON CONFLICT (kind, subject_id, due_date) DO NOTHING`,
      [r.personId, r.transferRequestId, r.movedOn, r.caseCode, r.fromUnitName],
    );
  }

  /**
   * A user reached the day's cap of national ids found open elsewhere: one `conflict_cap` reminder
   * per user and day, seen by administrators only; it names the user, never the people.
   */
  async raiseConflictCap(
    manager: EntityManager,
    r: { personId: string; userId: string; username: string; day: string; cap: number; auditAction: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reminders (kind, person_id, subject_id, due_date, message)
       VALUES ('conflict_cap', $1, $2, $3::date,
               format('User %s reached the daily limit of %s national ids found open in other areas on %s; their national ids are refused until the next day (audit action %s).',
                      $6::text, $4::int, $3::date, $5::text))
       ON CONFLICT (kind, subject_id, due_date) DO NOTHING`,
      [r.personId, r.userId, r.day, r.cap, r.auditAction, r.username],
    );
  }

  // ---- the planner's statements ----

  /** Takes the sweep lock for the rest of `manager`'s transaction. */
  async lockSweep(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SWEEP_LOCK]);
  }

  /** Pending reminders (of these persons, or all) whose moment comes within the planning horizon, in moment order. */
  planned(personIds: readonly string[] | null, manager: EntityManager = this.db.manager): Promise<PlannedRow[]> {
    const today = this.clock.today();
    return manager.query(PLANNED, [...this.candidateParams(personIds, today), addDays(today, PLAN_HORIZON_DAYS)]);
  }

  /** Raises the one reminder a job stands for, if it is still a candidate. Answers whether a row was written. */
  async raiseOne(manager: EntityManager, job: { kind: ReminderKind; personId: string; subjectId: string; dueDate: string }): Promise<boolean> {
    const rows: { inserted: boolean }[] = await manager.query(
      insertReminders(
        `SELECT * FROM (${CANDIDATES}) x
          WHERE x.kind = $${CANDIDATE_PARAMS + 1} AND x.subject_id = $${CANDIDATE_PARAMS + 2}::uuid AND x.due_date = $${CANDIDATE_PARAMS + 3}::date`,
      ),
      [...this.candidateParams([job.personId]), job.kind, job.subjectId, job.dueDate],
    );
    return rows.length > 0;
  }

  /** Raises every candidate whose moment has passed. Answers how many rows were written. */
  async raiseDue(manager: EntityManager): Promise<number> {
    const raised: unknown[] = await manager.query(insertReminders(`SELECT * FROM (${CANDIDATES}) x WHERE x.moment_date <= $1::date`), this.candidateParams(null));
    return raised.length;
  }

  /** Resolves every reminder whose work is done. Answers how many. */
  async resolveDone(manager: EntityManager): Promise<number> {
    const [resolved]: { n: number }[] = await manager.query(countOf(RESOLVE_DONE), this.resolveParams(null));
    return resolved.n;
  }

  // ---- the HTTP side's statements ----

  /** A page of reminders in `scope`, the latest due first. */
  async list(manager: EntityManager, scope: ReminderScope, query: ReminderQuery): Promise<Page<ReminderView>> {
    const qb = manager.createQueryBuilder().from('reminders', 'r').innerJoin('persons', 'p', 'p.id = r.person_id').where(scope.sql, scope.params);
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

  /** Locks a reminder in `scope` for update; undefined when there is none. */
  lockInScope(manager: EntityManager, scope: ReminderScope, id: string): Promise<{ id: string; status: ReminderStatus } | undefined> {
    return manager
      .createQueryBuilder()
      .select(['r.id AS id', 'r.status AS status'])
      .from('reminders', 'r')
      .innerJoin('persons', 'p', 'p.id = r.person_id')
      .where('r.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write', undefined, ['r'])
      .getRawOne<{ id: string; status: ReminderStatus }>();
  }

  async acknowledge(manager: EntityManager, id: string, actor: Actor): Promise<void> {
    await manager.query(`UPDATE reminders SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1`, [id, actor.id]);
  }

  async view(manager: EntityManager, id: string): Promise<ReminderView> {
    const [view]: ReminderView[] = await manager.query(`SELECT ${VIEW_COLUMNS} FROM reminders r JOIN persons p ON p.id = r.person_id WHERE r.id = $1`, [id]);
    return view;
  }

  // ---- parameters ----

  private candidateParams(personIds: readonly string[] | null, today = this.clock.today()) {
    const rule = selfTerminationRuleOn(today);
    return candidateArgs({
      today,
      leadDays: this.config.reminderLeadDays,
      graceDays: this.config.reminderGraceDays,
      missedAlertDays: this.config.methadoneMissedAlertDays,
      personIds,
      selfTermination: rule ? { workingDays: rule.workingDays, sessions: rule.sessions, label: `${rule.source} (rule ${rule.id})` } : null,
    });
  }

  /** Parameters of `RESOLVE_DONE`: every subject, or one. */
  private resolveParams(subjectId: string | null) {
    const rule = selfTerminationRuleOn(this.clock.today());
    return [this.config.methadoneMissedAlertDays, rule?.workingDays ?? null, rule?.sessions ?? null, subjectId];
  }
}
