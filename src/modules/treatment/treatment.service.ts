import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Access, isUuid, ownEnrollmentType } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode, conflict, forbidden, invalid, notFound } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../common/errors/pg-errors.js';
import { page, type Page, type PageQuery } from '../../common/http/paging.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { addDays, ageOn } from '../../common/time/dates.js';
import { addWorkingDays } from '../../common/time/working-days.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { FacilityType } from '../../common/access/roles.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { PublicHolidaysService } from '../public-holidays/public-holidays.service.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { compulsoryBasis } from '../supervision/plan.js';
import { SupervisionService, type SupervisionView } from '../supervision/supervision.service.js';
import type { Role } from '../users/user.entity.js';
import type { CreateEnrollmentDto, DoseQuery, EndEnrollmentDto, RecordDoseDto } from './dto/enrollment.dto.js';
import { facilityActedFor } from '../../common/access/facility-scope.js';
import { Enrollment, type EnrollmentType, type LegalBasis } from './enrollment.entity.js';
import type { MethadoneDose } from './methadone-dose.entity.js';
import { TreatmentRepository, type DoseWrite } from './treatment.repository.js';
import {
  earlyCompletionViolation,
  plannedEndViolation,
  postRehabDeadlineRuleOn,
  selfTerminationHolds,
  selfTerminationRuleOn,
  type TermFacts,
} from './treatment-policy.js';

/** Who may enroll (and end) each type of treatment. Clinic and facility staff only at their own facility. */
const ENROLLING_ROLES: Record<EnrollmentType, Role[]> = {
  community: ['admin', 'commune_worker'],
  methadone: ['admin', 'clinic_staff'],
  facility: ['admin', 'facility_staff'],
  detention: ['admin', 'facility_staff'],
};

const FACILITY_TYPE_OF: Partial<Record<EnrollmentType, { type: FacilityType; label: string }>> = {
  methadone: { type: 'methadone_clinic', label: 'a methadone clinic' },
  facility: { type: 'rehab_facility', label: 'a rehabilitation facility' },
  detention: { type: 'detention_facility', label: 'a detention facility' },
};

export const toEnrollmentView = (e: Enrollment) => ({
  id: e.id,
  personId: e.personId,
  type: e.type,
  mode: e.mode,
  facilityId: e.facilityId,
  startDate: e.startDate,
  plannedEndDate: e.plannedEndDate,
  endDate: e.endDate,
  outcome: e.outcome,
  status: e.status,
  legalBasis: e.legalBasis,
  ageAtDecision: e.ageAtDecision,
  decisionNo: e.decisionNo,
  decisionOn: e.decisionOn,
  certificateNo: e.certificateNo,
  certificateOn: e.certificateOn,
  earlyCompletionDecisionNo: e.earlyCompletionDecisionNo,
  earlyCompletionDecisionOn: e.earlyCompletionDecisionOn,
  postRehabFileDue: e.postRehabFileDue,
  postRehabDecisionDue: e.postRehabDecisionDue,
  priorCompletedOnPaper: e.priorCompletedOnPaper,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
export type EnrollmentView = ReturnType<typeof toEnrollmentView>;

export interface MissedRunView {
  consecutiveMissedDays: number;
  /** The missed days without a reason at the end of the run, or null. */
  absentWithoutReason: { since: string; sessions: number; workingDays: number; selfTermination: boolean; rule: string | null } | null;
}

export const toDoseView = (d: MethadoneDose) => ({
  id: d.id,
  enrollmentId: d.enrollmentId,
  date: d.date,
  status: d.status,
  doseMg: d.doseMg,
  missedReason: d.missedReason,
  recordedBy: d.recordedBy,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

/** Two fields given together or not at all (a decision's number and date). */
function pair<T extends object>(dto: T, a: keyof T & string, b: keyof T & string): void {
  if ((dto[a] === undefined) !== (dto[b] === undefined)) throw invalid(dto[a] === undefined ? a : b, `is given together with ${dto[a] === undefined ? b : a}`);
}

/**
 * Treatment enrollments (community, methadone, facility stays) and methadone doses (SPEC 4).
 * Ending a treatment as completed opens the post-rehab supervision in the same transaction.
 */
@Injectable()
export class TreatmentService {
  constructor(
    private readonly db: DataSource,
    private readonly repository: TreatmentRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: RemindersRepository,
    private readonly events: DomainEvents,
    private readonly supervisions: SupervisionService,
    private readonly holidays: PublicHolidaysService,
    private readonly persons: PersonsRepository,
  ) {}

  // ---- called by other features ----

  /**
   * The enrollment's current run of missed doses (missed-doses.sql.ts, the definition the reminders
   * use too): days missed in a row up to the latest recorded day, and the absence without a reason
   * at its end, with whether it amounts to self-termination under the rule in force today.
   */
  async missedRun(enrollmentId: string, manager: EntityManager = this.db.manager): Promise<MissedRunView> {
    const run = await this.repository.missedRun(enrollmentId, manager);
    const rule = selfTerminationRuleOn(this.clock.today());
    if (!run) return { consecutiveMissedDays: 0, absentWithoutReason: null };
    const absence = { sessions: run.unexcused_sessions, workingDays: run.unexcused_working_days };
    return {
      consecutiveMissedDays: run.sessions,
      absentWithoutReason:
        absence.sessions === 0
          ? null
          : { since: run.unexcused_start, ...absence, selfTermination: selfTerminationHolds(absence, rule), rule: rule?.id ?? null },
    };
  }

  /** Missed doses in a row up to the latest recorded day (0 when that day's dose was taken). */
  async consecutiveMissedDays(enrollmentId: string, manager: EntityManager = this.db.manager): Promise<number> {
    return (await this.missedRun(enrollmentId, manager)).consecutiveMissedDays;
  }

  // ---- enrollments ----

  async create(actor: Actor, personId: string, dto: CreateEnrollmentDto): Promise<EnrollmentView> {
    if (!ENROLLING_ROLES[dto.type].includes(actor.role)) throw forbidden(`role ${actor.role} may not record ${dto.type} enrollments`);
    const mode = this.modeOf(dto);
    const facilityRule = FACILITY_TYPE_OF[dto.type];
    if (facilityRule && !dto.facilityId) throw invalid('facilityId', `is required for ${dto.type} enrollments`);
    if (ownEnrollmentType(actor.role) && dto.facilityId !== actor.facilityId) throw forbidden('staff enroll people only at their own facility');
    if (dto.plannedEndDate !== undefined && dto.plannedEndDate < dto.startDate) throw invalid('plannedEndDate', 'must not be before startDate');
    pair(dto, 'decisionNo', 'decisionOn');
    if (dto.decisionOn !== undefined && dto.decisionOn > this.clock.today()) throw invalid('decisionOn', 'must not be in the future');

    return this.db.transaction(async (m) => {
      const person = await this.lockPerson(m, actor, personId);
      if (person.closedOn) throw conflict('the person file is closed');
      if (dto.facilityId) {
        // Only a facility the caller may act for; a community treatment at most at a health station.
        const f = await facilityActedFor(m, actor, dto.facilityId);
        if (facilityRule && f.type !== facilityRule.type) throw invalid('facilityId', `must be ${facilityRule.label} for ${dto.type} enrollments`);
        if (dto.type === 'community' && f.type !== 'health_station') throw invalid('facilityId', 'must be a health station for community enrollments');
      }
      if (await this.repository.hasActive(m, personId, dto.type)) {
        throw conflict(`the person already has an active ${dto.type} enrollment; end it first`);
      }
      const facts = await this.termFacts(m, personId, dto.type, mode, dto.startDate, dto.priorCompletedTreatments ?? 0);
      if (dto.plannedEndDate !== undefined) {
        const violation = plannedEndViolation(facts, dto.plannedEndDate);
        if (violation) throw invalid('plannedEndDate', violation);
      }
      const basis = this.legalBasisOf(dto, mode, facts.dateOfBirth);
      const values: Partial<Enrollment> = {
        personId,
        type: dto.type,
        mode,
        facilityId: dto.facilityId ?? null,
        startDate: dto.startDate,
        plannedEndDate: dto.plannedEndDate ?? null,
        status: 'active',
        legalBasis: basis?.legalBasis ?? null,
        ageAtDecision: basis?.ageAtDecision ?? null,
        decisionNo: dto.decisionNo ?? null,
        decisionOn: dto.decisionOn ?? null,
        priorCompletedOnPaper: dto.priorCompletedTreatments ?? 0,
        createdBy: actor.id,
      };
      let enrollment: Enrollment;
      try {
        enrollment = await this.repository.insert(m, values);
      } catch (err) {
        if (isUniqueViolation(err, 'uq_enrollments_active_type')) {
          throw conflict(`the person already has an active ${dto.type} enrollment; end it first`);
        }
        throw err;
      }
      await this.audit.record(
        actor,
        { action: 'create', entity: 'enrollment', entityId: enrollment.id, fields: writtenFields(dto), meta: { personId } },
        m,
      );
      await this.events.personChanged(m, [personId]);
      return toEnrollmentView(enrollment);
    });
  }

  async listForPerson(actor: Actor, personId: string, query: PageQuery): Promise<Page<EnrollmentView>> {
    await this.access.person(actor, personId);
    await this.audit.recordPersonRead(actor, personId, 'enrollments');
    const [items, total] = await this.repository.listForPerson(actor, personId, query);
    return page(items.map(toEnrollmentView), total, query);
  }

  async get(actor: Actor, id: string): Promise<EnrollmentView & Partial<MissedRunView>> {
    const e = await this.findInScope(this.db.manager, actor, id);
    await this.audit.recordPersonRead(actor, e.personId, 'enrollment', { enrollmentId: e.id });
    const view = toEnrollmentView(e);
    return e.type === 'methadone' ? { ...view, ...(await this.missedRun(e.id)) } : view;
  }

  /** Ends an enrollment; `completed` community, facility or methadone treatment opens a supervision. */
  async end(actor: Actor, id: string, dto: EndEnrollmentDto): Promise<EnrollmentView & { supervision: SupervisionView | null }> {
    return this.db.transaction(async (m) => {
      const e = await this.findInScope(m, actor, id, 'pessimistic_write');
      if (!ENROLLING_ROLES[e.type].includes(actor.role)) throw forbidden(`role ${actor.role} may not end ${e.type} enrollments`);
      if (e.status !== 'active') throw conflict('the enrollment has already ended');
      if (dto.endDate > this.clock.today()) throw invalid('endDate', 'must not be in the future');
      if (dto.endDate < e.startDate) throw invalid('endDate', `must not be before the enrollment's startDate ${e.startDate}`);
      pair(dto, 'certificateNo', 'certificateOn');
      pair(dto, 'earlyCompletionDecisionNo', 'earlyCompletionDecisionOn');
      if (dto.outcome !== 'completed' && (dto.certificateOn || dto.earlyCompletionDecisionOn)) {
        throw invalid(dto.certificateOn ? 'certificateOn' : 'earlyCompletionDecisionOn', 'applies to a completed treatment only');
      }
      for (const field of ['certificateOn', 'earlyCompletionDecisionOn'] as const) {
        const date = dto[field];
        if (date !== undefined && date > this.clock.today()) throw invalid(field, 'must not be in the future');
        if (date !== undefined && date < e.startDate) throw invalid(field, `must not be before the enrollment's startDate ${e.startDate}`);
      }
      if (dto.outcome === 'completed' && !dto.earlyCompletionDecisionOn) {
        const facts = await this.termFacts(m, e.personId, e.type, e.mode, e.startDate, e.priorCompletedOnPaper, e.id);
        const early = earlyCompletionViolation(facts, dto.endDate);
        if (early) throw new AppError(ErrorCode.LegalTermNotReached, early);
      }
      const deadlines = dto.certificateOn ? await this.postRehabDeadlines(m, dto.certificateOn) : null;
      const ended = await this.repository.end(m, id, {
          status: 'ended',
          endDate: dto.endDate,
          outcome: dto.outcome,
          certificateNo: dto.certificateNo ?? null,
          certificateOn: dto.certificateOn ?? null,
          earlyCompletionDecisionNo: dto.earlyCompletionDecisionNo ?? null,
          earlyCompletionDecisionOn: dto.earlyCompletionDecisionOn ?? null,
          postRehabFileDue: deadlines?.fileDue ?? null,
          postRehabDecisionDue: deadlines?.decisionDue ?? null,
      });
      await this.reminders.resolve(m, id, ['enrollment_ending', 'missed_doses', 'self_termination']);
      await this.audit.record(actor, { action: 'end', entity: 'enrollment', entityId: id, fields: ['status', ...writtenFields(dto)] }, m);
      const supervision =
        // Treatment in detention ends while the person is still held: no supervision follows from it here.
        dto.outcome === 'completed' && e.type !== 'detention'
          ? await this.supervisions.openAfterCompletion(m, actor, {
              id,
              personId: e.personId,
              type: e.type,
              mode: e.mode,
              legalBasis: e.legalBasis,
              startDate: e.startDate,
              endDate: dto.endDate,
            })
          : null;
      await this.events.personChanged(m, [e.personId]);
      return { ...toEnrollmentView(ended), supervision };
    });
  }

  // ---- methadone doses ----

  /** An enrollment the caller may see (clinic and facility staff: their own facility's), else 404. */
  enrollmentInScope(actor: Actor, id: string, manager: EntityManager = this.db.manager, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<Enrollment> {
    return this.findInScope(manager, actor, id, lock);
  }

  /**
   * Records the dose of one day; a second write for the same day updates it (one row per day).
   * Given a `manager`, the write runs in a savepoint of the caller's transaction (the day's roster
   * records many at once); the person's reminders are re-planned once the outermost one commits.
   */
  async recordDose(actor: Actor, enrollmentId: string, dto: RecordDoseDto, opts: { manager?: EntityManager } = {}) {
    if (dto.status === 'taken' && dto.doseMg === undefined) throw invalid('doseMg', 'is required (> 0) when the dose was taken');
    if (dto.status === 'missed' && dto.doseMg !== undefined) throw invalid('doseMg', 'must be absent when the dose was missed');
    if (dto.status === 'taken' && dto.missedReason !== undefined) throw invalid('missedReason', 'applies to missed doses only');
    if (dto.date > this.clock.today()) throw invalid('date', 'must not be in the future');
    return (opts.manager ?? this.db.manager).transaction(async (m) => {
      // A shared lock: doses of one enrollment may be written in parallel, but not while it is ended.
      const e = await this.findInScope(m, actor, enrollmentId, 'pessimistic_read');
      if (e.type !== 'methadone') throw invalid('id', 'doses are recorded for methadone enrollments only');
      if (e.status !== 'active') throw conflict('the enrollment has ended; doses are recorded for active enrollments only');
      if (dto.date < e.startDate) throw invalid('date', `must not be before the enrollment's startDate ${e.startDate}`);
      const write: DoseWrite = {
        enrollmentId,
        date: dto.date,
        doseMg: dto.doseMg ?? null,
        status: dto.status,
        missedReason: dto.missedReason ?? null,
        recordedBy: actor.id,
      };
      const { dose, inserted } = await this.repository.upsertDose(m, write);
      // Only what no longer follows the current run is resolved; the re-plan after the commit (person.changed) raises what is due.
      await this.reminders.resolveStaleMissedDoses(m, enrollmentId);
      await this.audit.record(
        actor,
        { action: inserted ? 'create' : 'update', entity: 'methadone_dose', entityId: dose.id, fields: writtenFields(dto), meta: { enrollmentId } },
        m,
      );
      await this.events.personChanged(m, [e.personId]);
      return toDoseView(dose);
    });
  }

  async listDoses(actor: Actor, enrollmentId: string, query: DoseQuery) {
    if (query.from && query.to && query.to < query.from) throw invalid('to', 'must not be before from');
    const e = await this.findInScope(this.db.manager, actor, enrollmentId);
    if (e.type !== 'methadone') throw invalid('id', 'doses are recorded for methadone enrollments only');
    await this.audit.recordPersonRead(actor, e.personId, 'doses', { enrollmentId: e.id });
    const [items, total] = await this.repository.listDoses(enrollmentId, query);
    return page(items.map(toDoseView), total, query);
  }

  // ---- internals ----

  /**
   * What the legal terms depend on. A treatment is a repeat when the person completed a community or
   * facility treatment before it: one recorded here, or one known from paper files (Law 120/2025:
   * 24 months first, 36 repeat). Treatments dropped out of do not count.
   */
  private async termFacts(
    m: EntityManager,
    personId: string,
    type: EnrollmentType,
    mode: Enrollment['mode'],
    startDate: string,
    priorOnPaper: number,
    exceptId: string | null = null,
  ): Promise<TermFacts> {
    const dateOfBirth = (await this.persons.dateOfBirth(m, personId))!;
    const repeat = await this.repository.completedBefore(m, personId, startDate, exceptId);
    return { type, mode, startDate, dateOfBirth, repeat: repeat || priorOnPaper > 0 };
  }

  /**
   * The legal basis of a compulsory stay, from the age on the day it was decided (the decision date,
   * else the start): an adult's is an administrative measure, a minor's a court decision (Law
   * 73/2021/QH14 Art 33). A basis given that the age contradicts is refused.
   */
  private legalBasisOf(dto: CreateEnrollmentDto, mode: Enrollment['mode'], dateOfBirth: string): { legalBasis: LegalBasis; ageAtDecision: number } | null {
    if (dto.type !== 'facility' || mode !== 'compulsory') {
      if (dto.legalBasis) throw invalid('legalBasis', 'applies to compulsory facility stays only');
      return null;
    }
    const decidedOn = dto.decisionOn ?? dto.startDate;
    const legalBasis = compulsoryBasis(dateOfBirth, decidedOn);
    const ageAtDecision = ageOn(dateOfBirth, decidedOn);
    if (dto.legalBasis && dto.legalBasis !== legalBasis) {
      throw invalid(
        'legalBasis',
        `the person was ${ageAtDecision} on ${decidedOn}: compulsory treatment is ${legalBasis === 'court_decision' ? "a court decision for a minor (Law 73/2021/QH14 Art 33)" : 'an administrative measure for an adult'}`,
      );
    }
    return { legalBasis, ageAtDecision };
  }

  /** The post-rehab file and decision deadlines of the rule in force on the certificate's date (Decree 116/2021 Arts 77-78). */
  private async postRehabDeadlines(m: EntityManager, certificateOn: string): Promise<{ fileDue: string; decisionDue: string } | null> {
    const rule = postRehabDeadlineRuleOn(certificateOn);
    if (!rule) return null;
    const holidays = await this.holidays.between(certificateOn, addDays(certificateOn, 60), m);
    const fileDue = addWorkingDays(certificateOn, rule.fileWorkingDays, holidays);
    return { fileDue, decisionDue: addWorkingDays(fileDue, rule.decisionWorkingDays, holidays) };
  }

  /** Community treatment is voluntary; a facility stay states its mode; methadone has none. */
  private modeOf(dto: CreateEnrollmentDto): Enrollment['mode'] {
    switch (dto.type) {
      case 'community':
        if (dto.mode && dto.mode !== 'voluntary') throw invalid('mode', 'community treatment is voluntary');
        return 'voluntary';
      case 'facility':
        if (!dto.mode) throw invalid('mode', 'is required for facility stays (voluntary or compulsory)');
        return dto.mode;
      case 'methadone':
      case 'detention':
        if (dto.mode) throw invalid('mode', `does not apply to ${dto.type} treatment`);
        return null;
    }
  }

  /**
   * Locks the person's row. Commune workers (and admins) enroll people in their scope; clinic and
   * facility staff find new patients by national-id lookup, so for them any existing file will do
   * (the person enters their scope by this very enrollment).
   */
  private async lockPerson(m: EntityManager, actor: Actor, personId: string): Promise<{ closedOn: string | null }> {
    if (!ownEnrollmentType(actor.role)) return this.access.person(actor, personId, m, { forUpdate: true });
    const row = isUuid(personId) ? await this.persons.lockRow(m, personId) : undefined;
    if (!row) throw notFound('person');
    return { closedOn: row.closed_on };
  }

  private async findInScope(m: EntityManager, actor: Actor, id: string, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<Enrollment> {
    const e = await this.repository.findInScope(m, actor, id, lock);
    if (!e) throw notFound('enrollment');
    return e;
  }
}
