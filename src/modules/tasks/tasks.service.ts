import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Access, personInScope, unitInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { invalid } from '../../common/errors/app-error.js';
import { offsetOf } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { ENDING_NOTICE_DAYS } from '../reminders/reminders.sql.js';
import { TASK_KINDS, type TaskCountsDto, type TaskDto, type TaskListDto, type TaskQuery } from './dto/tasks.dto.js';
import { CLINIC_TASKS, COMMUNE_TASKS, FACILITY_TASKS, decisionTasks } from './tasks.sql.js';

const URGENCY = `CASE WHEN t.due_date < :taskToday::date THEN 'overdue' WHEN t.due_date = :taskToday::date THEN 'today' ELSE 'upcoming' END`;

/**
 * "My tasks today": what the caller has to do, most urgent first. Commune workers (and admins) get
 * the commune's work in their area; province officers (and admins) the transfers waiting for their
 * decision; clinic staff their clinic's; facility staff their facility's.
 * A task that has a responsible worker (a supervision's, a relapse's) goes to that worker first and
 * to the area's other workers TASK_HANDOVER_DAYS after it falls due, or at once when nobody active
 * answers for it. Every person shown is recorded as read.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly db: DataSource,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: TaskQuery): Promise<TaskListDto> {
    if (query.from && query.to && query.to < query.from) throw invalid('to', 'must not be before from');
    const today = this.clock.today();
    const scope = personInScope(actor, 'p');
    const approver = unitInScope(actor, 'tr.approver_unit_id');
    const source = this.sourceFor(actor, approver.sql);
    const params: Record<string, unknown> = {
      ...approver.params,
      ...scope.params,
      taskZone: this.config.tzName,
      taskToday: today,
      leadDays: this.config.reminderLeadDays,
      noticeDays: ENDING_NOTICE_DAYS,
      taskFacilityId: actor.facilityId,
      taskActor: actor.id,
      handoverDays: this.config.taskHandoverDays,
    };
    const where = [`p.closed_on IS NULL`, scope.sql];
    if (actor.role === 'commune_worker') {
      where.push(`(t.assigned_user_id IS NULL OR t.assigned_user_id = :taskActor
                   OR t.due_date + :handoverDays::int <= :taskToday::date
                   OR NOT EXISTS (SELECT 1 FROM users au WHERE au.id = t.assigned_user_id AND au.active))`);
    }
    if (query.assignedToMe) where.push(`t.assigned_user_id = :taskActor`);
    if (query.from) {
      where.push(`t.due_date >= :dueFrom::date`);
      params.dueFrom = query.from;
    }
    if (query.to) {
      where.push(`t.due_date <= :dueTo::date`);
      params.dueTo = query.to;
    }
    if (query.unitId) {
      const unit = await this.access.unit(actor, query.unitId);
      where.push(`EXISTS (SELECT 1 FROM admin_units tu WHERE tu.id = p.residence_unit_id AND starts_with(tu.path, :taskUnitPath))`);
      params.taskUnitPath = unit.path;
    }
    const base = `FROM (${source}) t JOIN persons p ON p.id = t.person_id WHERE ${where.join(' AND ')}`;

    const countRows = await this.rows<{ kind: keyof TaskCountsDto; n: number; overdue: number }>(
      `SELECT t.kind, count(*)::int AS n, count(*) FILTER (WHERE t.due_date < :taskToday::date)::int AS overdue ${base} GROUP BY t.kind`,
      params,
    );
    const counts = Object.fromEntries(TASK_KINDS.map((k) => [k, 0])) as unknown as TaskCountsDto;
    for (const c of countRows) counts[c.kind] = c.n;
    const chosen = countRows.filter((c) => !query.kind || c.kind === query.kind);
    const total = chosen.reduce((n, c) => n + c.n, 0);
    const overdue = chosen.reduce((n, c) => n + c.overdue, 0);

    const items = await this.rows<TaskDto>(
      `SELECT t.kind, t.subject_id AS "subjectId", t.person_id AS "personId", p.case_code AS "caseCode", p.full_name AS "fullName",
              p.residence_unit_id AS "residenceUnitId", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", ${URGENCY} AS urgency,
              t.assigned_user_id AS "assignedUserId", COALESCE(t.assigned_user_id = :taskActor, FALSE) AS "assignedToMe",
              (SELECT r.id FROM reminders r
                WHERE r.subject_id = t.subject_id AND r.kind = t.reminder_kind AND r.status <> 'resolved'
                ORDER BY r.due_date DESC LIMIT 1) AS "reminderId"
         ${base}${query.kind ? ' AND t.kind = :taskKind' : ''}
        ORDER BY CASE WHEN t.due_date < :taskToday::date THEN 0 WHEN t.due_date = :taskToday::date THEN 1 ELSE 2 END,
                 t.due_date, t.kind, p.full_name, t.subject_id
        LIMIT :taskLimit OFFSET :taskOffset`,
      { ...params, taskKind: query.kind, taskLimit: query.pageSize, taskOffset: offsetOf(query) },
    );
    // The list shows names: each person shown is a read of their file.
    await this.audit.recordMany(
      actor,
      [...new Set(items.map((i) => i.personId))].map((personId) => ({ action: 'read', entity: 'person', entityId: personId, meta: { view: 'tasks' } })),
    );
    return { today, items, total, page: query.page, pageSize: query.pageSize, counts, overdue };
  }

  private sourceFor(actor: Actor, approverScope: string): string {
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

  private rows<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}
