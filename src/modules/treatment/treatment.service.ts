import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { Access, isUuid, ownEnrollmentType, ownFacilityOnly, personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { conflict, forbidden, invalid, notFound } from '../../common/errors/app-error.js';
import { offsetOf, page, type Page, type PageQuery } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import type { FacilityType } from '../facilities/facility.entity.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { SupervisionService, type SupervisionView } from '../supervision/supervision.service.js';
import type { Role } from '../users/user.entity.js';
import type { CreateEnrollmentDto, DoseQuery, EndEnrollmentDto, RecordDoseDto } from './dto/enrollment.dto.js';
import { facilityActedFor } from '../../common/access/facility-scope.js';
import { Enrollment, type EnrollmentType } from './enrollment.entity.js';
import { MethadoneDose } from './methadone-dose.entity.js';
import { plannedEndViolation } from './treatment-policy.js';

/** Who may enroll (and end) each type of treatment. Clinic and facility staff only at their own facility. */
const ENROLLING_ROLES: Record<EnrollmentType, Role[]> = {
  community: ['admin', 'commune_worker'],
  methadone: ['admin', 'clinic_staff'],
  facility: ['admin', 'facility_staff'],
};

const FACILITY_TYPE_OF: Partial<Record<EnrollmentType, { type: FacilityType; label: string }>> = {
  methadone: { type: 'methadone_clinic', label: 'a methadone clinic' },
  facility: { type: 'rehab_facility', label: 'a rehabilitation facility' },
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
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
export type EnrollmentView = ReturnType<typeof toEnrollmentView>;

export const toDoseView = (d: MethadoneDose) => ({
  id: d.id,
  enrollmentId: d.enrollmentId,
  date: d.date,
  status: d.status,
  doseMg: d.doseMg,
  recordedBy: d.recordedBy,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

function isUniqueViolation(err: unknown, constraint: string): boolean {
  const pg = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : undefined;
  return pg?.code === '23505' && pg.constraint === constraint;
}

/**
 * Treatment enrollments (community, methadone, facility stays) and methadone doses (SPEC 4).
 * Ending a treatment as completed opens the post-rehab supervision in the same transaction.
 */
@Injectable()
export class TreatmentService {
  constructor(
    private readonly db: DataSource,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: RemindersService,
    private readonly supervisions: SupervisionService,
  ) {}

  // ---- called by other features ----

  /**
   * Missed doses in a row: explicit 'missed' rows on consecutive dates ending at the latest
   * recorded dose date. A 'taken' day, or a day without a record, breaks the run; 0 when the
   * latest record is a taken dose.
   */
  async consecutiveMissedDays(enrollmentId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM (
         SELECT date, status, row_number() OVER (ORDER BY date DESC) AS rn, max(date) OVER () AS last_date
           FROM methadone_doses WHERE enrollment_id = $1) d
        WHERE d.status = 'missed' AND d.last_date - d.date = d.rn - 1
          AND NOT EXISTS (SELECT 1 FROM methadone_doses t WHERE t.enrollment_id = $1 AND t.status = 'taken' AND t.date >= d.date)`,
      [enrollmentId],
    );
    return row.n;
  }

  // ---- enrollments ----

  async create(actor: Actor, personId: string, dto: CreateEnrollmentDto): Promise<EnrollmentView> {
    if (!ENROLLING_ROLES[dto.type].includes(actor.role)) throw forbidden(`role ${actor.role} may not record ${dto.type} enrollments`);
    const mode = this.modeOf(dto);
    const facilityRule = FACILITY_TYPE_OF[dto.type];
    if (facilityRule && !dto.facilityId) throw invalid('facilityId', `is required for ${dto.type} enrollments`);
    if (ownEnrollmentType(actor.role) && dto.facilityId !== actor.facilityId) throw forbidden('staff enroll people only at their own facility');
    if (dto.plannedEndDate !== undefined && dto.plannedEndDate < dto.startDate) throw invalid('plannedEndDate', 'must not be before startDate');

    const view = await this.db.transaction(async (m) => {
      const person = await this.lockPerson(m, actor, personId);
      if (person.closedOn) throw conflict('the person file is closed');
      if (dto.facilityId) {
        // Only a facility the caller may act for; a community treatment at most at a health station.
        const f = await facilityActedFor(m, actor, dto.facilityId);
        if (facilityRule && f.type !== facilityRule.type) throw invalid('facilityId', `must be ${facilityRule.label} for ${dto.type} enrollments`);
        if (dto.type === 'community' && f.type !== 'health_station') throw invalid('facilityId', 'must be a health station for community enrollments');
      }
      if (await m.existsBy(Enrollment, { personId, type: dto.type, status: 'active' })) {
        throw conflict(`the person already has an active ${dto.type} enrollment; end it first`);
      }
      if (dto.plannedEndDate !== undefined) {
        const [facts]: { date_of_birth: string; repeat: boolean }[] = await m.query(
          `SELECT p.date_of_birth,
                  EXISTS (SELECT 1 FROM enrollments e WHERE e.person_id = p.id AND e.type IN ('community', 'facility') AND e.start_date < $2) AS repeat
             FROM persons p WHERE p.id = $1`,
          [personId, dto.startDate],
        );
        const violation = plannedEndViolation(
          { type: dto.type, mode, startDate: dto.startDate, dateOfBirth: facts.date_of_birth, repeat: facts.repeat },
          dto.plannedEndDate,
        );
        if (violation) throw invalid('plannedEndDate', violation);
      }
      const enrollment = m.create(Enrollment, {
        personId,
        type: dto.type,
        mode,
        facilityId: dto.facilityId ?? null,
        startDate: dto.startDate,
        plannedEndDate: dto.plannedEndDate ?? null,
        status: 'active',
        createdBy: actor.id,
      });
      try {
        await m.save(enrollment);
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
      return toEnrollmentView(enrollment);
    });
    await this.reminders.replanForPerson(personId);
    return view;
  }

  async listForPerson(actor: Actor, personId: string, query: PageQuery): Promise<Page<EnrollmentView>> {
    await this.access.person(actor, personId);
    await this.audit.recordPersonRead(actor, personId, 'enrollments');
    const qb = this.db.getRepository(Enrollment).createQueryBuilder('e').where('e.person_id = :personId', { personId });
    const own = ownFacilityOnly(actor, 'e.facility_id', 'e.type');
    if (own) qb.andWhere(own.sql, own.params);
    const [items, total] = await qb
      .orderBy('e.start_date', 'DESC')
      .addOrderBy('e.created_at', 'DESC')
      .skip(offsetOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return page(items.map(toEnrollmentView), total, query);
  }

  async get(actor: Actor, id: string): Promise<EnrollmentView & { consecutiveMissedDays?: number }> {
    const e = await this.findInScope(this.db.manager, actor, id);
    await this.audit.recordPersonRead(actor, e.personId, 'enrollment', { enrollmentId: e.id });
    const view = toEnrollmentView(e);
    return e.type === 'methadone' ? { ...view, consecutiveMissedDays: await this.consecutiveMissedDays(e.id) } : view;
  }

  /** Ends an enrollment; `completed` community, facility or methadone treatment opens a supervision. */
  async end(actor: Actor, id: string, dto: EndEnrollmentDto): Promise<EnrollmentView & { supervision: SupervisionView | null }> {
    const result = await this.db.transaction(async (m) => {
      const e = await this.findInScope(m, actor, id, 'pessimistic_write');
      if (!ENROLLING_ROLES[e.type].includes(actor.role)) throw forbidden(`role ${actor.role} may not end ${e.type} enrollments`);
      if (e.status !== 'active') throw conflict('the enrollment has already ended');
      if (dto.endDate > this.clock.today()) throw invalid('endDate', 'must not be in the future');
      if (dto.endDate < e.startDate) throw invalid('endDate', `must not be before the enrollment's startDate ${e.startDate}`);
      await m.update(Enrollment, { id }, { status: 'ended', endDate: dto.endDate, outcome: dto.outcome });
      await this.reminders.resolve(m, id, ['enrollment_ending', 'missed_doses']);
      await this.audit.record(actor, { action: 'end', entity: 'enrollment', entityId: id, fields: ['status', 'endDate', 'outcome'] }, m);
      const supervision =
        dto.outcome === 'completed'
          ? await this.supervisions.openAfterCompletion(m, actor, { id, personId: e.personId, type: e.type, mode: e.mode, endDate: dto.endDate })
          : null;
      const ended = await m.findOneByOrFail(Enrollment, { id });
      return { ...toEnrollmentView(ended), supervision };
    });
    await this.reminders.replanForPerson(result.personId);
    return result;
  }

  // ---- methadone doses ----

  /** An enrollment the caller may see (clinic and facility staff: their own facility's), else 404. */
  enrollmentInScope(actor: Actor, id: string, manager: EntityManager = this.db.manager, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<Enrollment> {
    return this.findInScope(manager, actor, id, lock);
  }

  /**
   * Records the dose of one day; a second write for the same day updates it (one row per day).
   * Given a `manager`, the write runs in a savepoint of the caller's transaction and the caller
   * re-plans the person's reminders after its commit (the day's roster records many at once).
   */
  async recordDose(actor: Actor, enrollmentId: string, dto: RecordDoseDto, opts: { manager?: EntityManager } = {}) {
    if (dto.status === 'taken' && dto.doseMg === undefined) throw invalid('doseMg', 'is required (> 0) when the dose was taken');
    if (dto.status === 'missed' && dto.doseMg !== undefined) throw invalid('doseMg', 'must be absent when the dose was missed');
    if (dto.date > this.clock.today()) throw invalid('date', 'must not be in the future');
    const { view, personId } = await (opts.manager ?? this.db.manager).transaction(async (m) => {
      // A shared lock: doses of one enrollment may be written in parallel, but not while it is ended.
      const e = await this.findInScope(m, actor, enrollmentId, 'pessimistic_read');
      if (e.type !== 'methadone') throw invalid('id', 'doses are recorded for methadone enrollments only');
      if (e.status !== 'active') throw conflict('the enrollment has ended; doses are recorded for active enrollments only');
      if (dto.date < e.startDate) throw invalid('date', `must not be before the enrollment's startDate ${e.startDate}`);
      const [row]: (Record<string, unknown> & { id: string; inserted: boolean })[] = await m.query(
        `INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status, recorded_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (enrollment_id, date) DO UPDATE
            SET dose_mg = EXCLUDED.dose_mg, status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, updated_at = now()
         RETURNING id, (xmax = 0) AS inserted`,
        [enrollmentId, dto.date, dto.doseMg ?? null, dto.status, actor.id],
      );
      if (dto.status === 'taken') await this.reminders.resolve(m, enrollmentId, ['missed_doses']);
      await this.audit.record(
        actor,
        { action: row.inserted ? 'create' : 'update', entity: 'methadone_dose', entityId: row.id, fields: writtenFields(dto), meta: { enrollmentId } },
        m,
      );
      const dose = await m.findOneByOrFail(MethadoneDose, { id: row.id });
      return { view: toDoseView(dose), personId: e.personId };
    });
    if (!opts.manager) await this.reminders.replanForPerson(personId);
    return view;
  }

  async listDoses(actor: Actor, enrollmentId: string, query: DoseQuery) {
    if (query.from && query.to && query.to < query.from) throw invalid('to', 'must not be before from');
    const e = await this.findInScope(this.db.manager, actor, enrollmentId);
    if (e.type !== 'methadone') throw invalid('id', 'doses are recorded for methadone enrollments only');
    await this.audit.recordPersonRead(actor, e.personId, 'doses', { enrollmentId: e.id });
    const qb = this.db.getRepository(MethadoneDose).createQueryBuilder('d').where('d.enrollment_id = :enrollmentId', { enrollmentId });
    if (query.from) qb.andWhere('d.date >= :from', { from: query.from });
    if (query.to) qb.andWhere('d.date <= :to', { to: query.to });
    const [items, total] = await qb.orderBy('d.date', 'DESC').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
    return page(items.map(toDoseView), total, query);
  }

  // ---- internals ----

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
        if (dto.mode) throw invalid('mode', 'does not apply to methadone treatment');
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
    const [row]: { closed_on: string | null }[] = isUuid(personId) ? await m.query(`SELECT closed_on FROM persons WHERE id = $1 FOR UPDATE`, [personId]) : [];
    if (!row) throw notFound('person');
    return { closedOn: row.closed_on };
  }

  private async findInScope(m: EntityManager, actor: Actor, id: string, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<Enrollment> {
    if (!isUuid(id)) throw notFound('enrollment');
    const scope = personInScope(actor, 'p');
    const qb = m
      .getRepository(Enrollment)
      .createQueryBuilder('e')
      .innerJoin('persons', 'p', 'p.id = e.person_id')
      .where('e.id = :id', { id })
      .andWhere(scope.sql, scope.params);
    const own = ownFacilityOnly(actor, 'e.facility_id', 'e.type');
    if (own) qb.andWhere(own.sql, own.params);
    if (lock) qb.setLock(lock, undefined, ['e']);
    const e = await qb.getOne();
    if (!e) throw notFound('enrollment');
    return e;
  }
}
