import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, STATUS_OF, conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../common/errors/pg-errors.js';
import { page, type Page, type PageQuery } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { FacilitiesRepository } from '../facilities/facilities.repository.js';
import type { RecordDoseDto } from '../treatment/dto/enrollment.dto.js';
import { TreatmentService } from '../treatment/treatment.service.js';
import { RosterRepository, type DosePrescriptionRow } from './roster.repository.js';
import type {
  CreatePrescriptionDto,
  PrescriptionDto,
  RecordRosterDto,
  RosterItemDto,
  RosterPageDto,
  RosterQuery,
  RosterRowResultDto,
  RosterWriteDto,
} from './dto/roster.dto.js';

export const toPrescriptionView = (p: DosePrescriptionRow): PrescriptionDto => ({
  id: p.id,
  enrollmentId: p.enrollmentId,
  effectiveFrom: p.effectiveFrom,
  doseMg: p.doseMg,
  note: p.note,
  prescribedBy: p.prescribedBy,
  createdAt: p.createdAt,
});

/**
 * The clinic's dosing roster (the counter's day) and the prescribed dose kept as dated history.
 * Doses are written through TreatmentService.recordDose, the one dose write path, so reminders and
 * alerts behave exactly as for a single dose.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly db: DataSource,
    private readonly repository: RosterRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly treatment: TreatmentService,
    private readonly facilities: FacilitiesRepository,
  ) {}

  // ---- the roster ----

  async roster(actor: Actor, query: RosterQuery): Promise<RosterPageDto> {
    const facilityId = await this.clinicOf(actor, query.facilityId);
    const date = query.date ?? this.clock.today();
    if (date > this.clock.today()) throw invalid('date', 'must not be in the future');
    const filter = { facilityId, date, q: query.q, scope: personInScope(actor, 'p') };
    const byStatus = await this.repository.counts(filter);
    const rows = await this.repository.page(filter, query.status, query);
    const total = query.status ? byStatus[query.status] : byStatus.pending + byStatus.taken + byStatus.missed;
    await this.audit.recordMany(
      actor,
      rows.map((r) => ({ action: 'read', entity: 'person', entityId: r.personId, meta: { view: 'roster', date, enrollmentId: r.enrollmentId } })),
    );
    const items: RosterItemDto[] = rows.map(({ doseId, doseStatus, doseMg, doseUpdatedAt, ...r }) => ({
      ...r,
      dose: doseId ? { id: doseId, status: doseStatus!, doseMg, updatedAt: doseUpdatedAt! } : null,
    }));
    return { date, facilityId, ...page(items, total, query), counts: byStatus };
  }

  /**
   * Records a whole day's doses in one transaction. Each row runs in a savepoint: a row that fails
   * (not found, ended, before the start, no dose) is rolled back alone and answered with the reason;
   * the others stand. A taken row without `doseMg` takes the dose prescribed for the day.
   */
  async recordDay(actor: Actor, dto: RecordRosterDto): Promise<RosterWriteDto> {
    const facilityId = await this.clinicOf(actor, dto.facilityId);
    const results = await this.db.transaction(async (m) => {
      const seen = new Set<string>();
      const out: RosterRowResultDto[] = [];
      for (const [index, row] of dto.rows.entries()) {
        try {
          if (seen.has(row.enrollmentId)) throw invalid(`rows.${index}.enrollmentId`, 'appears more than once in this request');
          seen.add(row.enrollmentId);
          const dose = await m.transaction(async (sp) => {
            const e = await this.treatment.enrollmentInScope(actor, row.enrollmentId, sp);
            // The admin records for the clinic it named; another clinic's patient is not on this roster.
            if (e.facilityId !== facilityId) throw notFound('enrollment');
            const doseMg = row.status === 'taken' && row.doseMg === undefined ? await this.repository.prescribedOn(sp, e.id, dto.date) : row.doseMg;
            const write = { date: dto.date, status: row.status, doseMg, ...(row.missedReason !== undefined ? { missedReason: row.missedReason } : {}) };
            const recorded = await this.treatment.recordDose(actor, e.id, write as RecordDoseDto, { manager: sp });
            return recorded;
          });
          out.push({ index, enrollmentId: row.enrollmentId, ok: true, dose });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const message = Array.isArray(err.messages) ? err.messages : [err.messages];
          out.push({ index, enrollmentId: row.enrollmentId, ok: false, error: { statusCode: STATUS_OF[err.code], code: err.code, message } });
        }
      }
      return out;
    });
    const recorded = results.filter((r) => r.ok).length;
    return { date: dto.date, facilityId, recorded, failed: results.length - recorded, results };
  }

  // ---- prescriptions ----

  async prescribe(actor: Actor, enrollmentId: string, dto: CreatePrescriptionDto): Promise<PrescriptionDto> {
    return this.db.transaction(async (m) => {
      const e = await this.treatment.enrollmentInScope(actor, enrollmentId, m, 'pessimistic_read');
      if (e.type !== 'methadone') throw invalid('id', 'doses are prescribed for methadone enrollments only');
      if (e.status !== 'active') throw conflict('the enrollment has ended; doses are prescribed for active enrollments only');
      if (dto.effectiveFrom < e.startDate) throw invalid('effectiveFrom', `must not be before the enrollment's startDate ${e.startDate}`);
      let prescription: DosePrescriptionRow;
      try {
        prescription = await this.repository.insertPrescription(m, {
          enrollmentId,
          effectiveFrom: dto.effectiveFrom,
          doseMg: dto.doseMg,
          note: dto.note?.normalize('NFC') ?? null,
          prescribedBy: actor.id,
        });
      } catch (err) {
        if (isUniqueViolation(err, 'uq_dose_prescriptions_day')) {
          throw conflict(`effectiveFrom: a dose is already prescribed from ${dto.effectiveFrom}; prescribe a change from another day`);
        }
        throw err;
      }
      await this.audit.record(
        actor,
        { action: 'create', entity: 'dose_prescription', entityId: prescription.id, fields: writtenFields(dto), meta: { enrollmentId, personId: e.personId } },
        m,
      );
      return toPrescriptionView(prescription);
    });
  }

  async prescriptions(actor: Actor, enrollmentId: string, query: PageQuery): Promise<Page<PrescriptionDto>> {
    const e = await this.treatment.enrollmentInScope(actor, enrollmentId);
    if (e.type !== 'methadone') throw invalid('id', 'doses are prescribed for methadone enrollments only');
    await this.audit.recordPersonRead(actor, e.personId, 'prescriptions', { enrollmentId });
    const [items, total] = await this.repository.prescriptions(enrollmentId, query);
    return page(items.map(toPrescriptionView), total, query);
  }

  // ---- internals ----

  /** Clinic staff's roster is their clinic's; an admin names a methadone clinic. */
  private async clinicOf(actor: Actor, facilityId: string | undefined): Promise<string> {
    if (actor.role === 'clinic_staff') {
      if (facilityId !== undefined && facilityId !== actor.facilityId) throw invalid('facilityId', "clinic staff see their own clinic's roster only");
      if (!actor.facilityId) throw notFound('clinic');
      return actor.facilityId;
    }
    if (!facilityId) throw invalid('facilityId', 'is required (the methadone clinic whose roster)');
    const facility = await this.facilities.findById(facilityId);
    if (!facility) throw notFound('clinic');
    if (facility.type !== 'methadone_clinic') throw invalid('facilityId', 'must be a methadone clinic');
    return facilityId;
  }
}
