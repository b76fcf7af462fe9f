import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Access, isUuid, personInScope, unitInScope } from '../../common/access/scope.js';
import { RateLimiter } from '../../common/access/rate-limiter.js';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { AppError, ErrorCode, conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { page, type Page } from '../../common/http/paging.js';
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
import { TransfersRepository, type SeenTransferRequest, type TransferScope } from './transfers.repository.js';

/** A request with the file it is about, when the caller may see that file (none otherwise). */
interface RequestRow extends SeenTransferRequest {
  shownPersonId: string | null;
  caseCode: string | null;
  fullName: string | null;
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
    private readonly requests: TransfersRepository,
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
      const [seen, total] = await this.requests.page(m, this.scopeOf(actor), query.status, query);
      const rows = await this.withShownFiles(m, actor, seen);
      await this.recordShown(m, actor, rows, 'transfer_requests');
      return page(rows.map((r) => this.view(actor, r)), total, query);
    });
  }

  async accept(actor: Actor, id: string): Promise<TransferRequestDto> {
    await this.db.transaction(async (m) => {
      const t = await this.pendingForDecision(m, actor, id);
      const p = (await this.persons.lockForMove(m, t.personId))!;
      if (p.closed_on) throw conflict('the file was closed since the request; refuse it');
      if (p.residence_unit_id !== t.fromUnitId) throw conflict('the file moved since the request; refuse it');
      const today = this.clock.today();
      const move = { fromUnitId: t.fromUnitId, toUnitId: t.toUnitId, transferRequestId: id };
      await this.persons.setResidence(m, t.personId, t.toUnitId);
      // A worker of the receiving commune answers for the file's supervision and open relapse from now on.
      const responsible = await this.responsible.defaultFor(m, t.personId);
      await this.supervisions.reassignActiveOf(m, t.personId, responsible);
      await this.relapses.reassignOpen(m, t.personId, responsible);
      await this.persons.recordEvent(m, { personId: t.personId, kind: 'moved', eventDate: today, data: move, recordedBy: actor.id });
      await this.requests.accept(m, id, actor.id, today);
      // The receiving commune's workers see it (reminders follow the file's residence), the sending commune no longer does.
      const from = await this.units.findById(t.fromUnitId, m);
      if (from) {
        await this.reminders.raiseTransferIn(m, { personId: t.personId, transferRequestId: id, movedOn: today, caseCode: p.case_code, fromUnitName: from.name });
      }
      await this.audit.record(actor, { action: 'move', entity: 'person', entityId: t.personId, fields: ['residenceUnitId'], meta: move }, m);
      await this.audit.record(actor, { action: 'accept', entity: 'transfer_request', entityId: id, fields: ['status'], meta: { personId: t.personId } }, m);
      await this.events.personChanged(m, [t.personId]);
    });
    return this.one(actor, id);
  }

  async refuse(actor: Actor, id: string, dto: RefuseTransferDto): Promise<TransferRequestDto> {
    await this.db.transaction(async (m) => {
      const t = await this.pendingForDecision(m, actor, id);
      await this.requests.refuse(m, id, actor.id, dto.reason);
      await this.audit.record(
        actor,
        { action: 'refuse', entity: 'transfer_request', entityId: id, fields: ['status', 'refusalReason'], meta: { personId: t.personId } },
        m,
      );
    });
    return this.one(actor, id);
  }

  // ---- helpers ----

  /** Who sees a request (officers the ones they decide, workers those to or from their area), and the caller's area on each end. */
  private scopeOf(actor: Actor): TransferScope {
    const from = unitInScope(actor, 't.from_unit_id');
    const to = unitInScope(actor, 't.to_unit_id');
    if (actor.role === 'commune_worker') {
      return { shown: { sql: `((${from.sql}) OR (${to.sql}))`, params: { ...from.params, ...to.params } }, from, to };
    }
    return { shown: unitInScope(actor, 't.approver_unit_id'), from, to };
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
      const seen = await this.requests.one(m, this.scopeOf(actor), id);
      if (!seen) throw notFound('transfer request');
      const [row] = await this.withShownFiles(m, actor, [seen]);
      await this.recordShown(m, actor, [row], 'transfer_request');
      return this.view(actor, row);
    });
  }

  /** The file's case code and name, on the rows whose file the caller may see (others show none). */
  private async withShownFiles(m: EntityManager, actor: Actor, rows: SeenTransferRequest[]): Promise<RequestRow[]> {
    const shown = await this.persons.shownFiles(m, [...new Set(rows.map((r) => r.personId))], personInScope(actor, 'p'));
    return rows.map((r) => {
      const file = shown.get(r.personId);
      return { ...r, shownPersonId: file ? r.personId : null, caseCode: file?.caseCode ?? null, fullName: file?.fullName ?? null };
    });
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
  private async pendingForDecision(m: EntityManager, actor: Actor, id: string) {
    if (!isUuid(id)) throw notFound('transfer request');
    const row = await this.requests.lockForDecision(m, id, unitInScope(actor, 't.approver_unit_id'));
    if (!row) throw notFound('transfer request');
    if (row.status !== 'pending') throw conflict(`the request is already ${row.status}`);
    return row;
  }
}

