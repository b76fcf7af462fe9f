import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Access } from '../../common/access/scope.js';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { AppError, ErrorCode, conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { page, type Page, type PageQuery } from '../../common/http/paging.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { addDays, type IsoDate } from '../../common/time/dates.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { RelapseService } from '../relapse/relapse.service.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { TreatmentRepository } from '../treatment/treatment.repository.js';
import type { CreateSupervisionDto, CreateVisitDto, EndSupervisionDto, UpdateSupervisionDto } from './dto/supervision.dto.js';
import { DEFAULT_INTERVAL_DAYS, planFollowUps, supervisionEndDate, supervisionTerm, type TermSource } from './plan.js';
import { SupervisionRepository, type FollowUpRow, type SupervisionRow, type VisitRow } from './supervision.repository.js';
import { ResponsibleWorkers } from './responsible-worker.js';

const FOLLOW_UP_REMINDERS = ['follow_up_due', 'follow_up_overdue'] as const;

export const toFollowUpView = (f: FollowUpRow) => ({ id: f.id, dueDate: f.dueDate, status: f.status, visitId: f.visitId });
export type FollowUpView = ReturnType<typeof toFollowUpView>;

export const toVisitView = (v: VisitRow) => ({
  id: v.id,
  supervisionId: v.supervisionId,
  followUpId: v.followUpId,
  visitDate: v.visitDate,
  method: v.method,
  drugTest: v.drugTest,
  relapse: v.relapse,
  notes: v.notes,
  recordedBy: v.recordedBy,
  createdAt: v.createdAt,
});
export type VisitView = ReturnType<typeof toVisitView>;

export const toSupervisionView = (s: SupervisionRow) => ({
  id: s.id,
  personId: s.personId,
  sourceEnrollmentId: s.sourceEnrollmentId,
  startDate: s.startDate,
  endDate: s.endDate,
  intervalDays: s.intervalDays,
  supervisorUserId: s.supervisorUserId,
  status: s.status,
  outcome: s.outcome,
  endedOn: s.endedOn,
  decisionNo: s.decisionNo,
  decisionOn: s.decisionOn,
  termRule: s.termRule,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
export type SupervisionView = ReturnType<typeof toSupervisionView> & { followUps: FollowUpView[]; visits?: VisitView[] };

/** What opening a supervision needs; dates already decided. */
interface OpenInput {
  personId: string;
  sourceEnrollmentId: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  intervalDays: number;
  supervisorUserId: string | null;
  termRule: string | null;
  decisionNo?: string | null;
  decisionOn?: IsoDate | null;
}

/** A completed treatment that may open a supervision. */
export interface CompletedEnrollment extends TermSource {
  id: string;
  personId: string;
  endDate: IsoDate;
}

/**
 * Post-rehab supervision (quản lý sau cai): the commune follows a person for one or two years after
 * treatment, with a follow-up every `intervalDays`. Open to admins and commune workers, in scope.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly db: DataSource,
    private readonly repository: SupervisionRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: RemindersRepository,
    private readonly events: DomainEvents,
    private readonly relapse: RelapseService,
    private readonly treatment: TreatmentRepository,
    private readonly persons: PersonsRepository,
    private readonly responsible: ResponsibleWorkers,
  ) {}

  // ---- called by other features ----

  /**
   * Opens the supervision that follows a completed treatment, inside the caller's transaction:
   * starting the day after the treatment ended, for the default term. Nothing happens when the
   * person already has an active supervision. The person's reminders are re-planned after the
   * caller's commit (`person.changed`).
   */
  async openAfterCompletion(m: EntityManager, who: Actor | AuditContext, enrollment: CompletedEnrollment): Promise<SupervisionView | null> {
    // The person's row serializes everything that opens a supervision for them.
    const { date_of_birth: dateOfBirth } = (await this.persons.lockRow(m, enrollment.personId))!;
    if (await this.repository.hasActive(m, enrollment.personId)) return null;
    const startDate = addDays(enrollment.endDate, 1);
    const term = supervisionTerm(enrollment, dateOfBirth, startDate);
    return this.open(m, who, {
      personId: enrollment.personId,
      sourceEnrollmentId: enrollment.id,
      startDate,
      endDate: supervisionEndDate(startDate, term.years),
      intervalDays: DEFAULT_INTERVAL_DAYS,
      supervisorUserId: await this.responsible.defaultFor(m, enrollment.personId),
      termRule: term.rule,
    });
  }

  // ---- routes ----

  async create(actor: Actor, personId: string, dto: CreateSupervisionDto): Promise<SupervisionView> {
    return this.db.transaction(async (m) => {
      const person = await this.access.person(actor, personId, m, { forUpdate: true });
      if (person.closedOn) throw conflict('the person file is closed');
      if (await this.repository.hasActive(m, personId)) {
        throw conflict('the person already has an active supervision; end it first');
      }
      let source: TermSource | null = null;
      if (dto.sourceEnrollmentId) {
        source = ((await this.treatment.termSource(m, dto.sourceEnrollmentId, personId)) as TermSource | undefined) ?? null;
        if (!source) throw invalid('sourceEnrollmentId', "is not one of this person's enrollments");
      }
      const decision = this.decisionOf(dto);
      if (decision.on && dto.sourceEnrollmentId) await this.reminders.resolve(m, dto.sourceEnrollmentId, ['post_rehab_file_due', 'post_rehab_decision_due']);
      const dateOfBirth = (await this.persons.dateOfBirth(m, personId))!;
      const term = dto.endDate === undefined ? supervisionTerm(source, dateOfBirth, dto.startDate) : null;
      const endDate = dto.endDate ?? supervisionEndDate(dto.startDate, term!.years);
      if (endDate < dto.startDate) throw invalid('endDate', 'must not be before startDate');
      // The caller when a commune worker (the file is in its area), else a worker of the residence commune.
      const supervisorUserId = dto.supervisorUserId ?? (actor.role === 'commune_worker' ? actor.id : await this.responsible.defaultFor(m, personId));
      if (supervisorUserId) await this.responsible.check(m, supervisorUserId, personId);
      return this.open(
        m,
        actor,
        {
          personId,
          sourceEnrollmentId: dto.sourceEnrollmentId ?? null,
          startDate: dto.startDate,
          endDate,
          intervalDays: dto.intervalDays ?? DEFAULT_INTERVAL_DAYS,
          supervisorUserId,
          termRule: term?.rule ?? null,
          decisionNo: decision.no,
          decisionOn: decision.on,
        },
        writtenFields(dto),
      );
    });
  }

  async listForPerson(actor: Actor, personId: string, query: PageQuery): Promise<Page<SupervisionView>> {
    await this.access.person(actor, personId);
    await this.audit.recordPersonRead(actor, personId, 'supervisions');
    const { items, total, followUps } = await this.repository.listForPerson(personId, query);
    return page(
      items.map((s) => ({ ...toSupervisionView(s), followUps: followUps.filter((f) => f.supervisionId === s.id).map(toFollowUpView) })),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<SupervisionView> {
    const s = await this.findInScope(this.db.manager, actor, id);
    await this.audit.recordPersonRead(actor, s.personId, 'supervision', { supervisionId: s.id });
    return this.withDetails(this.db.manager, s);
  }

  /** Changes the interval, end date or supervisor; a new interval or end re-plans the future follow-ups. */
  async update(actor: Actor, id: string, dto: UpdateSupervisionDto): Promise<SupervisionView> {
    return this.db.transaction(async (m) => {
      const s = await this.findInScope(m, actor, id, true);
      if (s.version !== dto.version) throw new AppError(ErrorCode.StaleVersion, `version: the supervision changed since version ${dto.version}; read it again`);
      if (s.status !== 'active') throw conflict('the supervision has ended');
      const endDate = dto.endDate ?? s.endDate;
      const intervalDays = dto.intervalDays ?? s.intervalDays;
      if (endDate < s.startDate) throw invalid('endDate', `must not be before the supervision's startDate ${s.startDate}`);
      if (dto.supervisorUserId) await this.responsible.check(m, dto.supervisorUserId, s.personId);
      const supervisorUserId = dto.supervisorUserId === undefined ? s.supervisorUserId : dto.supervisorUserId;
      const decision = this.decisionOf(dto, s);

      const updated = await this.repository.update(m, id, {
        version: dto.version,
        endDate,
        intervalDays,
        supervisorUserId,
        decisionNo: decision.no,
        decisionOn: decision.on,
      });
      if (!updated) throw new AppError(ErrorCode.StaleVersion, 'version: the supervision changed at the same time; read it again');
      const replanned = endDate !== s.endDate || intervalDays !== s.intervalDays ? await this.replanFuture(m, s, endDate, intervalDays) : 0;
      if (endDate !== s.endDate) await this.reminders.resolve(m, id, ['supervision_ending']);
      if (decision.on && s.sourceEnrollmentId) await this.reminders.resolve(m, s.sourceEnrollmentId, ['post_rehab_file_due', 'post_rehab_decision_due']);
      await this.audit.record(
        actor,
        { action: 'update', entity: 'supervision', entityId: id, fields: writtenFields(dto, ['version']), meta: { followUpsPlanned: replanned } },
        m,
      );
      await this.events.personChanged(m, [s.personId]);
      return this.withDetails(m, await this.repository.byId(m, id));
    });
  }

  /** Records a visit; it completes the earliest follow-up still scheduled, if any. */
  async addVisit(actor: Actor, id: string, dto: CreateVisitDto): Promise<VisitView> {
    return this.db.transaction(async (m) => {
      const s = await this.findInScope(m, actor, id, true);
      if (s.status !== 'active') throw conflict('the supervision has ended');
      if (dto.visitDate > this.clock.today()) throw invalid('visitDate', 'must not be in the future');
      if (dto.visitDate < s.startDate) throw invalid('visitDate', `must not be before the supervision's startDate ${s.startDate}`);
      const open = await this.repository.earliestScheduled(m, id);
      const visit = await this.repository.insertVisit(m, {
        supervisionId: id,
        followUpId: open?.id ?? null,
        visitDate: dto.visitDate,
        method: dto.method,
        drugTest: dto.drugTest,
        relapse: dto.relapse ?? false,
        notes: dto.notes ?? null,
        recordedBy: actor.id,
      });
      if (open) {
        await this.repository.completeFollowUp(m, open.id, visit.id);
        await this.reminders.resolve(m, open.id, [...FOLLOW_UP_REMINDERS]);
      }
      await this.audit.record(
        actor,
        { action: 'create', entity: 'visit', entityId: visit.id, fields: writtenFields(dto), meta: { supervisionId: id, followUpId: open?.id ?? null } },
        m,
      );
      // A relapse found, or a positive test, raises a task for the responsible worker.
      if (visit.relapse || visit.drugTest === 'positive') {
        await this.relapse.raise(m, actor, { personId: s.personId, source: 'visit', sourceId: visit.id, detectedOn: visit.visitDate });
      }
      await this.events.personChanged(m, [s.personId]);
      return toVisitView(visit);
    });
  }

  /** Ends a supervision with an outcome; the follow-ups still scheduled are cancelled. */
  async end(actor: Actor, id: string, dto: EndSupervisionDto): Promise<SupervisionView> {
    return this.db.transaction(async (m) => {
      const s = await this.findInScope(m, actor, id, true);
      if (s.status !== 'active') throw conflict('the supervision has already ended');
      if (dto.endDate !== undefined && dto.endedOn !== undefined && dto.endDate !== dto.endedOn) {
        throw invalid('endedOn', 'differs from endDate; give one of them');
      }
      const field = dto.endDate !== undefined ? 'endDate' : 'endedOn';
      const endedOn = dto.endDate ?? dto.endedOn ?? this.clock.today();
      if (endedOn > this.clock.today()) throw invalid(field, 'must not be in the future');
      if (endedOn < s.startDate) throw invalid(field, `must not be before the supervision's startDate ${s.startDate}`);
      await this.repository.end(m, id, endedOn, dto.outcome);
      const cancelled = await this.repository.cancelScheduled(m, id);
      await this.reminders.resolve(m, id, ['supervision_ending']);
      const followUps = await this.repository.cancelledOrMissed(m, id);
      for (const f of followUps) await this.reminders.resolve(m, f.id, [...FOLLOW_UP_REMINDERS]);
      await this.audit.record(
        actor,
        { action: 'end', entity: 'supervision', entityId: id, fields: ['status', 'endedOn', 'outcome'], meta: { followUpsCancelled: cancelled.length } },
        m,
      );
      await this.events.personChanged(m, [s.personId]);
      return this.withDetails(m, await this.repository.byId(m, id));
    });
  }

  /** Hands an active supervision to another responsible worker of the person's commune. */
  async reassign(actor: Actor, id: string, supervisorUserId: string): Promise<SupervisionView> {
    return this.db.transaction(async (m) => {
      const s = await this.findInScope(m, actor, id, true);
      if (s.status !== 'active') throw conflict('the supervision has ended');
      await this.responsible.check(m, supervisorUserId, s.personId);
      if (s.supervisorUserId !== supervisorUserId) {
        await this.repository.reassign(m, id, supervisorUserId);
        await this.audit.record(
          actor,
          { action: 'reassign', entity: 'supervision', entityId: id, fields: ['supervisorUserId'], meta: { from: s.supervisorUserId, to: supervisorUserId } },
          m,
        );
      }
      return this.withDetails(m, await this.repository.byId(m, id));
    });
  }

  // ---- internals ----

  /** The post-rehab decision after an update: number and date are given together, never in the future. */
  private decisionOf(dto: UpdateSupervisionDto | CreateSupervisionDto, s?: SupervisionRow): { no: string | null; on: IsoDate | null } {
    if ((dto.decisionNo === undefined) !== (dto.decisionOn === undefined)) {
      throw invalid(dto.decisionNo === undefined ? 'decisionNo' : 'decisionOn', 'is given together with the other (decisionNo and decisionOn)');
    }
    if (dto.decisionOn !== undefined && dto.decisionOn > this.clock.today()) throw invalid('decisionOn', 'must not be in the future');
    return { no: dto.decisionNo ?? s?.decisionNo ?? null, on: dto.decisionOn ?? s?.decisionOn ?? null };
  }

  private async open(m: EntityManager, who: Actor | AuditContext, input: OpenInput, fields?: string[]): Promise<SupervisionView> {
    const dues = planFollowUps(input.startDate, input.endDate, input.intervalDays);
    const supervision = await this.repository.insert(m, { ...input, status: 'active', createdBy: who.id }, dues);
    await this.audit.record(
      who,
      {
        action: 'create',
        entity: 'supervision',
        entityId: supervision.id,
        fields: fields ?? ['personId', 'sourceEnrollmentId', 'startDate', 'endDate', 'intervalDays'],
        meta: { personId: input.personId, sourceEnrollmentId: input.sourceEnrollmentId, followUpsPlanned: dues.length },
      },
      m,
    );
    await this.events.personChanged(m, [input.personId]);
    return this.withDetails(m, supervision, false);
  }

  /**
   * Replaces the scheduled follow-ups due after today by a new series: from the last follow-up
   * kept (or the start), every `intervalDays`, up to the end date. Past and due-today follow-ups
   * stay as they are. Returns how many were planned.
   */
  private async replanFuture(m: EntityManager, s: SupervisionRow, endDate: IsoDate, intervalDays: number): Promise<number> {
    const today = this.clock.today();
    const dropped = await this.repository.dropScheduledAfter(m, s.id, today);
    for (const f of dropped) await this.reminders.resolve(m, f.id, [...FOLLOW_UP_REMINDERS]);
    const last = await this.repository.lastDue(m, s.id);
    const dues = planFollowUps(s.startDate, endDate, intervalDays, { anchor: last ?? s.startDate, after: today });
    await this.repository.insertFollowUps(m, s.id, dues);
    return dues.length;
  }

  private async findInScope(m: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<SupervisionRow> {
    const s = await this.repository.findInScope(m, actor, id, forUpdate);
    if (!s) throw notFound('supervision');
    return s;
  }

  private async withDetails(m: EntityManager, s: SupervisionRow, withVisits = true): Promise<SupervisionView> {
    const followUps = await this.repository.followUpsOf(m, s.id);
    const view: SupervisionView = { ...toSupervisionView(s), followUps: followUps.map(toFollowUpView) };
    if (withVisits) {
      const visits = await this.repository.visitsOf(m, s.id);
      view.visits = visits.map(toVisitView);
    }
    return view;
  }

}
