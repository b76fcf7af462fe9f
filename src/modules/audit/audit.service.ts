import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { invalid } from '../../common/errors/app-error.js';
import { offsetOf, page, type Page } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { addDays, isIsoDate } from '../../common/time/dates.js';
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
 * The names of the fields a request actually sets. DTO classes define every declared property on
 * their instances (as `undefined` when absent), so `Object.keys(dto)` alone would name fields
 * that were not written. `except` drops names not worth recording.
 */
export function writtenFields(dto: object, except: string[] = []): string[] {
  return Object.entries(dto)
    .filter(([k, v]) => v !== undefined && !except.includes(k))
    .map(([k]) => k);
}

/** One audit row: who, and what. */
interface AuditRow {
  who: Actor | AuditContext;
  entry: AuditEntry;
}

interface Waiting {
  row: AuditRow;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** Groups `recordCommitted` writes at once (one: rows are numbered in the order they came), and their largest size. */
const MAX_GROUPS_IN_FLIGHT = 1;
const MAX_GROUP_ROWS = 500;

/** Rows of any actors in one statement, ids in the order given. */
async function insertRows(manager: EntityManager, rows: AuditRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO audit_logs (actor_id, actor_role, action, entity, entity_id, fields, ip, request_id, meta)
     SELECT x.actor_id, x.actor_role, x.action, x.entity, x.entity_id, ARRAY(SELECT jsonb_array_elements_text(x.fields)), x.ip, x.request_id, x.meta
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::jsonb[])
            WITH ORDINALITY AS x(actor_id, actor_role, action, entity, entity_id, fields, ip, request_id, meta, n)
      ORDER BY x.n`,
    [
      rows.map((r) => r.who.id),
      rows.map((r) => ('role' in r.who ? r.who.role : null)),
      rows.map((r) => r.entry.action),
      rows.map((r) => r.entry.entity),
      rows.map((r) => r.entry.entityId ?? null),
      rows.map((r) => JSON.stringify(r.entry.fields ?? [])),
      rows.map((r) => r.who.ip),
      rows.map((r) => r.who.requestId),
      rows.map((r) => (r.entry.meta ? JSON.stringify(r.entry.meta) : null)),
    ],
  );
}

/**
 * Who did what to which record, when and from where. Pass the transaction's manager so the audit
 * row commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  /** Rows of `recordCommitted` not yet in a group, and the groups being written. */
  private readonly waiting: Waiting[] = [];
  private flushing = 0;

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

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

  /**
   * A read of a person's records other than the file itself (its enrollments, doses, services,
   * supervisions): a 'read' row on the person, naming the view and the record ids it showed.
   */
  async recordPersonRead(who: Actor, personId: string, view: string, ids: Record<string, string> = {}): Promise<void> {
    await this.record(who, { action: 'read', entity: 'person', entityId: personId, meta: { view, ...ids } });
  }

  /** Several entries by one actor in one statement (a batch of imported files, say). */
  async recordMany(who: Actor | AuditContext, entries: AuditEntry[], manager: EntityManager = this.db.manager): Promise<void> {
    if (!entries.length) return;
    await insertRows(manager, entries.map((entry) => ({ who, entry })));
  }

  /**
   * Writes the row and resolves once it is committed, on its own, grouped with the rows of
   * concurrent requests: while one group's statement runs, the rows that arrive wait and go
   * together in the next one (one multi-row INSERT, one commit), in the order they came. For a
   * request whose answer must not leave before its audit row is stored, outside any transaction.
   * If a group fails, its rows are tried one by one: only the request whose row cannot be written
   * fails, and no row is dropped without its request knowing.
   */
  recordCommitted(who: Actor | AuditContext, entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row: { who, entry }, resolve, reject });
      if (this.flushing < MAX_GROUPS_IN_FLIGHT) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing++;
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0, MAX_GROUP_ROWS);
        try {
          await insertRows(this.db.manager, group.map((w) => w.row));
          for (const w of group) w.resolve();
        } catch (err) {
          if (group.length === 1) group[0].reject(err);
          // One by one, in order: each row is written or its own request fails.
          else for (const w of group) await insertRows(this.db.manager, [w.row]).then(w.resolve, w.reject);
        }
      }
    } finally {
      this.flushing--;
    }
  }

  /**
   * Runs `select` and records the read in the same statement: one round trip instead of two, and
   * the audit row is written only when the select found something (a file outside the caller's
   * scope is "not found" and is not recorded as read). `select` takes TypeORM-style `:name`
   * parameters; the names `audit*` are taken.
   */
  async recordedRead<T>(who: Actor, entry: { entity: string; entityId: string; meta?: Record<string, unknown> }, select: string, params: Record<string, unknown>): Promise<T[]> {
    const [sql, values] = this.db.driver.escapeQueryWithParameters(
      `WITH found AS (${select}),
            logged AS (
              INSERT INTO audit_logs (actor_id, actor_role, action, entity, entity_id, ip, request_id, meta)
              SELECT :auditActorId::uuid, :auditActorRole::text, 'read', :auditEntity::text, :auditEntityId::text,
                     :auditIp::text, :auditRequestId::text, :auditMeta::jsonb
               WHERE EXISTS (SELECT 1 FROM found))
       SELECT * FROM found`,
      {
        ...params,
        auditActorId: who.id,
        auditActorRole: who.role,
        auditEntity: entry.entity,
        auditEntityId: entry.entityId,
        auditIp: who.ip,
        auditRequestId: who.requestId,
        auditMeta: entry.meta ? JSON.stringify(entry.meta) : null,
      },
    );
    return this.db.query(sql, values);
  }

  async list(query: AuditLogQuery): Promise<Page<AuditLog>> {
    const qb = this.db.getRepository(AuditLog).createQueryBuilder('a');
    if (query.userId) qb.andWhere('a.actor_id = :userId', { userId: query.userId });
    if (query.entity) qb.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    // A bare date means that whole day in TZ_NAME; a time is taken as given (both bounds inclusive).
    const from = query.from ? (isIsoDate(query.from) ? this.clock.startOf(query.from) : new Date(query.from)) : undefined;
    const toDate = query.to !== undefined && isIsoDate(query.to);
    const to = query.to ? (toDate ? this.clock.startOf(addDays(query.to, 1)) : new Date(query.to)) : undefined;
    if (from && to && (toDate ? from >= to : from > to)) throw invalid('to', 'is before from');
    if (from) qb.andWhere('a.at >= :from', { from });
    if (to) qb.andWhere(toDate ? 'a.at < :to' : 'a.at <= :to', { to });
    const [items, total] = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return page(items, total, query);
  }
}
