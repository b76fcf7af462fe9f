import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Access, isUuid, personInScope, unitInScope, type ScopePredicate } from '../../common/access/scope.js';
import { RateLimiter } from '../../common/access/rate-limiter.js';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { AppError, ErrorCode, conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { offsetOf, page, type Page } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { RelapseRepository } from '../relapse/relapse.repository.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { SupervisionRepository } from '../supervision/supervision.repository.js';
import { ResponsibleWorkers } from '../supervision/responsible-worker.js';
import type { CreateTransferRequestDto, RefuseTransferDto, TransferRequestQuery, TransferRequestDto } from './dto/transfer.dto.js';
import { NationalIdConflicts } from './national-id-conflicts.js';
import type { TransferOrigin, TransferStatus } from './transfer-request.entity.js';

interface RequestRow {
  id: string;
  status: TransferStatus;
  origin: TransferOrigin;
  personId: string;
  shownPersonId: string | null;
  caseCode: string | null;
  fullName: string | null;
  fromUnitId: string;
  toUnitId: string;
  approverUnitId: string | null;
  reason: string | null;
  refusalReason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  movedOn: string | null;
  fromInScope: boolean;
  toInScope: boolean;
}

/**
 * Moving a file between communes (issue "transfers"): a worker who meets a person with a file
 * elsewhere asks for it, or a national id found open elsewhere raises the request; the officer of
 * the smallest unit holding both communes (a province officer of that unit's subtree, or an
 * administrator) accepts it, which moves the file, or refuses it with a reason. The file's open
 * follow-ups and reminders follow its residence, so they pass to the receiving commune, whose
 * workers get a `transfer_in` reminder; the sending commune keeps the accepted request as a trace
 * without the person's name or case code.
 */
@Injectable()
export class TransfersService {
  constructor(
    private readonly db: DataSource,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly events: DomainEvents,
    private readonly conflicts: NationalIdConflicts,
    private readonly persons: PersonsRepository,
    private readonly relapses: RelapseRepository,
    private readonly supervisions: SupervisionRepository,
    private readonly reminders: RemindersRepository,
    private readonly units: AdminUnitsRepository,
    private readonly responsible: ResponsibleWorkers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A worker met a person whose open file another commune holds, and asks for it by national id. */
  async request(actor: Actor, dto: CreateTransferRequestDto): Promise<TransferRequestDto> {
    // A national id answered "found elsewhere" or "not found" is a lookup: limited and audited like one.
    await this.limiter.hit(`lookup:${actor.id}`, this.config.lookupsPerHour, 3600, 'too many lookups; try again later');
    await this.conflicts.assertUnderCap(actor);
    const unit = await this.access.unit(actor, dto.toUnitId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === ErrorCode.NotFound ? invalid('toUnitId', "is not a commune of the caller's area") : err;
    });
    if (unit.level !== 'commune') throw invalid('toUnitId', `must be a commune, not a ${unit.level}`);
    const scope = personInScope(actor, 'p');
    const found = await this.persons.openByNationalIdHash(this.cipher.lookupHash(dto.nationalId), scope);
    if (!found) {
      await this.audit.record(actor, { action: 'lookup', entity: 'person', fields: ['nationalId'], meta: { view: 'transfer_request', results: 0 } });
      throw notFound('open file with this nationalId');
    }
    if (found.inScope) throw conflict("nationalId: the file is already held in the caller's area");
    const { transferRequestId } = await this.conflicts.record(actor, {
      personId: found.id,
      toUnitId: unit.id,
      source: 'transfer_request',
      origin: 'request',
      reason: dto.reason ?? null,
    });
    if (!transferRequestId) throw conflict('nationalId: the file cannot be moved to this commune');
    return this.one(actor, transferRequestId);
  }

  /** Requests in the caller's scope, newest first; one audit row names the people the page shows. */
  async list(actor: Actor, query: TransferRequestQuery): Promise<Page<TransferRequestDto>> {
    return this.db.transaction(async (m) => {
      const qb = this.select(m, actor);
      if (query.status) qb.andWhere('t.status = :status', { status: query.status });
      const total = await qb.clone().select('count(*)::int', 'n').getRawOne<{ n: number }>();
      const rows = await qb
        .orderBy('t.created_at', 'DESC')
        .addOrderBy('t.id', 'DESC')
        .offset(offsetOf(query))
        .limit(query.pageSize)
        .getRawMany<RequestRow>();
      await this.withShownFiles(m, actor, rows);
      await this.recordShown(m, actor, rows, 'transfer_requests');
      return page(rows.map((r) => this.view(actor, r)), total?.n ?? 0, query);
    });
  }

  async accept(actor: Actor, id: string): Promise<TransferRequestDto> {
    await this.db.transaction(async (m) => {
      const t = await this.pendingForDecision(m, actor, id);
      const p = (await this.persons.lockForMove(m, t.person_id))!;
      if (p.closed_on) throw conflict('the file was closed since the request; refuse it');
      if (p.residence_unit_id !== t.from_unit_id) throw conflict('the file moved since the request; refuse it');
      const today = this.clock.today();
      const move = { fromUnitId: t.from_unit_id, toUnitId: t.to_unit_id, transferRequestId: id };
      await this.persons.setResidence(m, t.person_id, t.to_unit_id);
      // A worker of the receiving commune answers for the file's supervision and open relapse from now on.
      const responsible = await this.responsible.defaultFor(m, t.person_id);
      await this.supervisions.reassignActiveOf(m, t.person_id, responsible);
      await this.relapses.reassignOpen(m, t.person_id, responsible);
      await this.persons.recordEvent(m, { personId: t.person_id, kind: 'moved', eventDate: today, data: move, recordedBy: actor.id });
      await m.query(
        `UPDATE transfer_requests SET status = 'accepted', decided_by = $2, decided_at = now(), moved_on = $3 WHERE id = $1`,
        [id, actor.id, today],
      );
      // The receiving commune's workers see it (reminders follow the file's residence), the sending commune no longer does.
      const from = await this.units.findById(t.from_unit_id, m);
      if (from) {
        await this.reminders.raiseTransferIn(m, { personId: t.person_id, transferRequestId: id, movedOn: today, caseCode: p.case_code, fromUnitName: from.name });
      }
      await this.audit.record(actor, { action: 'move', entity: 'person', entityId: t.person_id, fields: ['residenceUnitId'], meta: move }, m);
      await this.audit.record(actor, { action: 'accept', entity: 'transfer_request', entityId: id, fields: ['status'], meta: { personId: t.person_id } }, m);
      await this.events.personChanged(m, [t.person_id]);
    });
    return this.one(actor, id);
  }

  async refuse(actor: Actor, id: string, dto: RefuseTransferDto): Promise<TransferRequestDto> {
    await this.db.transaction(async (m) => {
      const t = await this.pendingForDecision(m, actor, id);
      await m.query(
        `UPDATE transfer_requests SET status = 'refused', decided_by = $2, decided_at = now(), refusal_reason = $3 WHERE id = $1`,
        [id, actor.id, dto.reason],
      );
      await this.audit.record(
        actor,
        { action: 'refuse', entity: 'transfer_request', entityId: id, fields: ['status', 'refusalReason'], meta: { personId: t.person_id } },
        m,
      );
    });
    return this.one(actor, id);
  }

  // ---- helpers ----

  /** Who sees a request: officers the ones they decide, workers those to or from their area. */
  private scopeOf(actor: Actor): ScopePredicate {
    if (actor.role === 'province_officer') return unitInScope(actor, 't.approver_unit_id');
    if (actor.role === 'commune_worker') {
      const from = unitInScope(actor, 't.from_unit_id');
      const to = unitInScope(actor, 't.to_unit_id');
      return { sql: `((${from.sql}) OR (${to.sql}))`, params: { ...from.params, ...to.params } };
    }
    return unitInScope(actor, 't.approver_unit_id');
  }

  private select(m: EntityManager, actor: Actor) {
    const scope = this.scopeOf(actor);
    const from = unitInScope(actor, 't.from_unit_id');
    const to = unitInScope(actor, 't.to_unit_id');
    return m
      .createQueryBuilder()
      .from('transfer_requests', 't')
      .select([
        't.id AS id',
        't.status AS status',
        't.origin AS origin',
        't.person_id AS "personId"',
        't.from_unit_id AS "fromUnitId"',
        't.to_unit_id AS "toUnitId"',
        't.approver_unit_id AS "approverUnitId"',
        't.reason AS reason',
        't.refusal_reason AS "refusalReason"',
        't.created_at AS "createdAt"',
        't.decided_at AS "decidedAt"',
        "to_char(t.moved_on, 'YYYY-MM-DD') AS \"movedOn\"",
      ])
      .addSelect(`(${from.sql})`, 'fromInScope')
      .addSelect(`(${to.sql})`, 'toInScope')
      .where(scope.sql, scope.params)
      .setParameters({ ...from.params, ...to.params });
  }

  private view(actor: Actor, r: RequestRow): TransferRequestDto {
    const worker = actor.role === 'commune_worker';
    const direction = worker ? (r.toInScope && !r.fromInScope ? 'in' : r.fromInScope && !r.toInScope ? 'out' : null) : null;
    return {
      id: r.id,
      status: r.status,
      origin: r.origin,
      personId: r.shownPersonId,
      caseCode: r.caseCode,
      fullName: r.fullName,
      fromUnitId: r.fromUnitId,
      toUnitId: r.toUnitId,
      approverUnitId: r.approverUnitId,
      reason: r.reason,
      refusalReason: r.refusalReason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      movedOn: r.movedOn,
      direction,
      note: r.status === 'accepted' && direction === 'out' ? `moved out on ${r.movedOn}` : null,
    };
  }

  /** One request as the caller sees it, read and audited in one transaction. */
  private async one(actor: Actor, id: string): Promise<TransferRequestDto> {
    return this.db.transaction(async (m) => {
      const row = await this.select(m, actor).andWhere('t.id = :id', { id }).getRawOne<RequestRow>();
      if (!row) throw notFound('transfer request');
      await this.withShownFiles(m, actor, [row]);
      await this.recordShown(m, actor, [row], 'transfer_request');
      return this.view(actor, row);
    });
  }

  /** The file's case code and name, on the rows whose file the caller may see (others show none). */
  private async withShownFiles(m: EntityManager, actor: Actor, rows: RequestRow[]): Promise<void> {
    const shown = await this.persons.shownFiles(m, [...new Set(rows.map((r) => r.personId))], personInScope(actor, 'p'));
    for (const r of rows) {
      const file = shown.get(r.personId);
      r.shownPersonId = file ? r.personId : null;
      r.caseCode = file?.caseCode ?? null;
      r.fullName = file?.fullName ?? null;
    }
  }

  private async recordShown(m: EntityManager, actor: Actor, rows: RequestRow[], view: string): Promise<void> {
    const personIds = [...new Set(rows.flatMap((r) => (r.shownPersonId ? [r.shownPersonId] : [])))];
    if (!personIds.length) return;
    await this.audit.record(
      actor,
      { action: 'read', entity: 'person', entityId: personIds.length === 1 ? personIds[0] : null, meta: { view, personIds } },
      m,
    );
  }

  /** The pending request, locked, if the caller decides it; 404 outside scope, 409 once decided. */
  private async pendingForDecision(
    m: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ person_id: string; from_unit_id: string; to_unit_id: string; status: TransferStatus }> {
    if (!isUuid(id)) throw notFound('transfer request');
    const scope = unitInScope(actor, 't.approver_unit_id');
    const row = await m
      .createQueryBuilder()
      .select(['t.person_id AS person_id', 't.from_unit_id AS from_unit_id', 't.to_unit_id AS to_unit_id', 't.status AS status'])
      .from('transfer_requests', 't')
      .where('t.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write', undefined, ['t'])
      .getRawOne<{ person_id: string; from_unit_id: string; to_unit_id: string; status: TransferStatus }>();
    if (!row) throw notFound('transfer request');
    if (row.status !== 'pending') throw conflict(`the request is already ${row.status}`);
    return row;
  }
}

