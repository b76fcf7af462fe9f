import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid, ownFacilityOnly, personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode, conflict, notFound } from '../../common/errors/app-error.js';
import type { Page } from '../../common/http/paging.js';
import { QueueUnavailable } from '../../common/jobs/jobs.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { ReminderQuery } from './dto/reminder.dto.js';
import { ReminderPlanner, type ReplanResult } from './reminders.planner.js';
import { RemindersRepository, type ReminderScope, type ReminderView } from './reminders.repository.js';

/** The HTTP side of reminders: the caller's list, acknowledging one, and the admin's re-plan. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly reminders: RemindersRepository,
    private readonly planner: ReminderPlanner,
  ) {}

  private scopeOf(actor: Actor): ReminderScope {
    // Facility staff see what is routed to their facility (missed doses, ends of their enrollments),
    // and only of people still in their scope.
    const person = personInScope(actor, 'p');
    const own = ownFacilityOnly(actor, 'r.facility_id');
    const scope = own ? { sql: `${own.sql} AND ${person.sql}`, params: { ...own.params, ...person.params } } : person;
    // A user's daily limit of national-id conflicts is the administrators' business, not the commune's.
    if (actor.role === 'admin') return scope;
    return { sql: `(${scope.sql}) AND r.kind <> 'conflict_cap'`, params: scope.params };
  }

  async list(actor: Actor, query: ReminderQuery): Promise<Page<ReminderView>> {
    // Reminders name people (case codes in the messages): one audit row naming them, in the read's transaction.
    return this.db.transaction(async (m) => {
      const result = await this.reminders.list(m, this.scopeOf(actor), query);
      const personIds = [...new Set(result.items.map((r) => r.personId))];
      if (personIds.length) await this.audit.record(actor, { action: 'read', entity: 'person', meta: { view: 'reminders', personIds } }, m);
      return result;
    });
  }

  /** Acknowledges a reminder in the caller's scope; a resolved one answers 409. */
  async acknowledge(actor: Actor, id: string): Promise<ReminderView> {
    return this.db.transaction(async (m) => {
      const row = isUuid(id) ? await this.reminders.lockInScope(m, this.scopeOf(actor), id) : undefined;
      if (!row) throw notFound('reminder');
      if (row.status === 'resolved') throw conflict('the reminder is already resolved');
      if (row.status === 'open') {
        await this.reminders.acknowledge(m, id, actor);
        await this.audit.record(actor, { action: 'acknowledge', entity: 'reminder', entityId: id, fields: ['status'] }, m);
      }
      return this.reminders.view(m, id);
    });
  }

  /** The admin route: sweeps and re-plans every pending job; a missing Redis answers 503 (after the sweep has run). */
  async replanOnDemand(): Promise<ReplanResult> {
    try {
      return await this.planner.replanAll();
    } catch (err) {
      if (err instanceof QueueUnavailable) {
        throw new AppError(ErrorCode.Unavailable, 'the job queue is unavailable: due reminders were raised from the database, jobs were not planned');
      }
      throw err;
    }
  }
}
