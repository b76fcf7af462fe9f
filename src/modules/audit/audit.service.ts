import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { offsetOf, page, type Page } from '../../common/http/paging.js';
import { AuditLog } from './audit-log.entity.js';
import type { AuditLogQuery } from './dto/audit-log.query.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  /** Names of the fields written, never their values. */
  fields?: string[];
  /** Ids and counts only. */
  meta?: Record<string, unknown>;
}

/**
 * Who did what to which record, when and from where. Pass the transaction's manager so the audit
 * row commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  async record(who: Actor | AuditContext, entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(AuditLog, {
      actorId: who.id,
      actorRole: 'role' in who ? who.role : null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      fields: entry.fields ?? [],
      ip: who.ip,
      requestId: who.requestId,
      meta: (entry.meta ?? null) as AuditLog['meta'] & object,
    });
  }

  async list(query: AuditLogQuery): Promise<Page<AuditLog>> {
    const qb = this.db.getRepository(AuditLog).createQueryBuilder('a');
    if (query.userId) qb.andWhere('a.actor_id = :userId', { userId: query.userId });
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at <= :to', { to: query.to });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return page(items, total, query);
  }
}
