import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { personInScope, unitInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { offsetOf, type PageQuery } from '../../common/http/paging.js';
import { queryNamed } from '../../database/sql.js';
import { ENDING_NOTICE_DAYS } from '../reminders/reminders.sql.js';
import type { TaskDto, TaskKind } from './dto/tasks.dto.js';
import { CLINIC_TASKS, COMMUNE_TASKS, FACILITY_TASKS, decisionTasks } from './tasks.sql.js';

/** Whose tasks, on which day, and the filters of the list (every one optional). */
export interface TaskFilter {
  actor: Actor;
  today: string;
  /** TZ_NAME, REMINDER_LEAD_DAYS and TASK_HANDOVER_DAYS of the configuration. */
  zone: string;
  leadDays: number;
  handoverDays: number;
  from?: string;
  to?: string;
  assignedToMe?: boolean;
  /** People living in the unit of this materialized path. */
  unitPath?: string;
}

/** How many tasks of a kind there are, and how many of them are overdue. */
export interface TaskCountRow {
  kind: TaskKind;
  n: number;
  overdue: number;
}

const URGENCY = `CASE WHEN t.due_date < :taskToday::date THEN 'overdue' WHEN t.due_date = :taskToday::date THEN 'today' ELSE 'upcoming' END`;

/**
 * The caller's tasks: one statement over the records of every kind of work (`tasks.sql.ts`), read
 * under the `tasks` module's read grant.
 */
@Injectable()
export class TasksRepository {
  constructor(private readonly db: DataSource) {}

  counts(filter: TaskFilter): Promise<TaskCountRow[]> {
    const base = this.base(filter);
    return queryNamed<TaskCountRow>(
      this.db.manager,
      `SELECT t.kind, count(*)::int AS n, count(*) FILTER (WHERE t.due_date < :taskToday::date)::int AS overdue ${base.sql} GROUP BY t.kind`,
      base.params,
    );
  }

  /** A page of the tasks (of one kind, when given), most urgent first. */
  page(filter: TaskFilter, kind: TaskKind | undefined, query: PageQuery): Promise<TaskDto[]> {
    const base = this.base(filter);
    return queryNamed<TaskDto>(
      this.db.manager,
      `SELECT t.kind, t.subject_id AS "subjectId", t.person_id AS "personId", p.case_code AS "caseCode", p.full_name AS "fullName",
              p.residence_unit_id AS "residenceUnitId", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", ${URGENCY} AS urgency,
              t.assigned_user_id AS "assignedUserId", COALESCE(t.assigned_user_id = :taskActor, FALSE) AS "assignedToMe",
              (SELECT r.id FROM reminders r
                WHERE r.subject_id = t.subject_id AND r.kind = t.reminder_kind AND r.status <> 'resolved'
                ORDER BY r.due_date DESC LIMIT 1) AS "reminderId"
         ${base.sql}${kind ? ' AND t.kind = :taskKind' : ''}
        ORDER BY CASE WHEN t.due_date < :taskToday::date THEN 0 WHEN t.due_date = :taskToday::date THEN 1 ELSE 2 END,
                 t.due_date, t.kind, p.full_name, t.subject_id
        LIMIT :taskLimit OFFSET :taskOffset`,
      { ...base.params, taskKind: kind, taskLimit: query.pageSize, taskOffset: offsetOf(query) },
    );
  }

  /** `FROM` the caller's tasks, joined to their people, `WHERE` the filters hold. */
  private base(f: TaskFilter): { sql: string; params: Record<string, unknown> } {
    const { actor } = f;
    const scope = personInScope(actor, 'p');
    const approver = unitInScope(actor, 'tr.approver_unit_id');
    const params: Record<string, unknown> = {
      ...approver.params,
      ...scope.params,
      taskZone: f.zone,
      taskToday: f.today,
      leadDays: f.leadDays,
      noticeDays: ENDING_NOTICE_DAYS,
      taskFacilityId: actor.facilityId,
      taskActor: actor.id,
      handoverDays: f.handoverDays,
    };
    const where = [`p.closed_on IS NULL`, scope.sql];
    if (actor.role === 'commune_worker') {
      where.push(`(t.assigned_user_id IS NULL OR t.assigned_user_id = :taskActor
                   OR t.due_date + :handoverDays::int <= :taskToday::date
                   OR NOT EXISTS (SELECT 1 FROM users au WHERE au.id = t.assigned_user_id AND au.active))`);
    }
    if (f.assignedToMe) where.push(`t.assigned_user_id = :taskActor`);
    if (f.from) {
      where.push(`t.due_date >= :dueFrom::date`);
      params.dueFrom = f.from;
    }
    if (f.to) {
      where.push(`t.due_date <= :dueTo::date`);
      params.dueTo = f.to;
    }
    if (f.unitPath !== undefined) {
      where.push(`EXISTS (SELECT 1 FROM admin_units tu WHERE tu.id = p.residence_unit_id AND starts_with(tu.path, :taskUnitPath))`);
      params.taskUnitPath = f.unitPath;
    }
    return { sql: `FROM (${sourceFor(actor, approver.sql)}) t JOIN persons p ON p.id = t.person_id WHERE ${where.join(' AND ')}`, params };
  }
}

/** The kinds of work of the caller's role. */
function sourceFor(actor: Actor, approverScope: string): string {
  switch (actor.role) {
    case 'admin':
      return `${COMMUNE_TASKS} UNION ALL ${decisionTasks(approverScope)}`;
    case 'commune_worker':
      return COMMUNE_TASKS;
    case 'province_officer':
      return decisionTasks(approverScope);
    case 'clinic_staff':
      return CLINIC_TASKS;
    case 'facility_staff':
      return FACILITY_TASKS;
  }
}
