import { Inject, Injectable } from '@nestjs/common';
import { Access } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { invalid } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { TASK_KINDS, type TaskCountsDto, type TaskListDto, type TaskQuery } from './dto/tasks.dto.js';
import { TasksRepository, type TaskFilter } from './tasks.repository.js';

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
    private readonly tasks: TasksRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: TaskQuery): Promise<TaskListDto> {
    if (query.from && query.to && query.to < query.from) throw invalid('to', 'must not be before from');
    const today = this.clock.today();
    const filter: TaskFilter = {
      actor,
      today,
      zone: this.config.tzName,
      leadDays: this.config.reminderLeadDays,
      handoverDays: this.config.taskHandoverDays,
      from: query.from,
      to: query.to,
      assignedToMe: query.assignedToMe,
      unitPath: query.unitId ? (await this.access.unit(actor, query.unitId)).path : undefined,
    };

    const countRows = await this.tasks.counts(filter);
    const counts = Object.fromEntries(TASK_KINDS.map((k) => [k, 0])) as unknown as TaskCountsDto;
    for (const c of countRows) counts[c.kind] = c.n;
    const chosen = countRows.filter((c) => !query.kind || c.kind === query.kind);
    const total = chosen.reduce((n, c) => n + c.n, 0);
    const overdue = chosen.reduce((n, c) => n + c.overdue, 0);

    const items = await this.tasks.page(filter, query.kind, query);
    // The list shows names: each person shown is a read of their file.
    await this.audit.recordMany(
      actor,
      [...new Set(items.map((i) => i.personId))].map((personId) => ({ action: 'read', entity: 'person', entityId: personId, meta: { view: 'tasks' } })),
    );
    return { today, items, total, page: query.page, pageSize: query.pageSize, counts, overdue };
  }
}
