import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, STATUS_OF, conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { isUniqueViolation } from '../../common/errors/pg-errors.js';
import { offsetOf, page, type Page, type PageQuery } from '../../common/http/paging.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { escapeLike, foldForSearch } from '../persons/person-search.js';
import { RemindersService } from '../reminders/reminders.service.js';
import type { RecordDoseDto } from '../treatment/dto/enrollment.dto.js';
import { TreatmentService } from '../treatment/treatment.service.js';
import { DosePrescription } from './dose-prescription.entity.js';
import type {
  CreatePrescriptionDto,
  PrescriptionDto,
  RecordRosterDto,
  RosterCountsDto,
  RosterItemDto,
  RosterPageDto,
  RosterQuery,
  RosterRowResultDto,
  RosterWriteDto,
} from './dto/roster.dto.js';

export const toPrescriptionView = (p: DosePrescription): PrescriptionDto => ({
  id: p.id,
  enrollmentId: p.enrollmentId,
  effectiveFrom: p.effectiveFrom,
  doseMg: p.doseMg,
  note: p.note,
  prescribedBy: p.prescribedBy,
  createdAt: p.createdAt,
});

/**
 * The active methadone patients of one clinic on one day: the dose prescribed for that day, the
 * day's dose if recorded, the run of missed days up to it and the last day a dose was taken.
 * `:facilityId` and `:rosterDay` are TypeORM-style parameters; the scope predicate adds its own.
 */
const ROSTER_FROM = `
    FROM enrollments e
    JOIN persons p ON p.id = e.person_id
    LEFT JOIN methadone_doses d ON d.enrollment_id = e.id AND d.date = :rosterDay
   WHERE e.facility_id = :facilityId AND e.type = 'methadone' AND e.status = 'active' AND e.start_date <= :rosterDay`;

const ROSTER_COLUMNS = `
  e.id AS "enrollmentId", p.id AS "personId", p.case_code AS "caseCode", p.full_name AS "fullName",
  to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate",
  rx.dose_mg::float8 AS "prescribedDoseMg", rx.id AS "prescriptionId",
  CASE WHEN d.id IS NULL THEN 'pending' ELSE d.status END AS "dayStatus",
  d.id AS "doseId", d.status AS "doseStatus", d.dose_mg::float8 AS "doseMg", d.updated_at AS "doseUpdatedAt",
  COALESCE(run.n, 0) AS "consecutiveMissedDays", to_char(lt.last_taken, 'YYYY-MM-DD') AS "lastTakenOn"`;

const ROSTER_JOINS = `
    LEFT JOIN LATERAL (
      SELECT dp.id, dp.dose_mg FROM dose_prescriptions dp
       WHERE dp.enrollment_id = e.id AND dp.effective_from <= :rosterDay
       ORDER BY dp.effective_from DESC LIMIT 1) rx ON TRUE
    LEFT JOIN LATERAL (
      SELECT max(t.date) AS last_taken FROM methadone_doses t
       WHERE t.enrollment_id = e.id AND t.status = 'taken' AND t.date <= :rosterDay) lt ON TRUE
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS n FROM (
        SELECT m.date, row_number() OVER (ORDER BY m.date DESC) AS rn, max(m.date) OVER () AS last_missed
          FROM methadone_doses m
         WHERE m.enrollment_id = e.id AND m.status = 'missed' AND m.date <= :rosterDay
           AND m.date > COALESCE(lt.last_taken, '-infinity'::date)) x
       WHERE x.last_missed - x.date = x.rn - 1) run ON TRUE`;

interface RosterRow extends Omit<RosterItemDto, 'dose'> {
  doseId: string | null;
  doseStatus: 'taken' | 'missed' | null;
  doseMg: number | null;
  doseUpdatedAt: Date | null;
}

/**
 * The clinic's dosing roster (the counter's day) and the prescribed dose kept as dated history.
 * Doses are written through TreatmentService.recordDose, the one dose write path, so reminders and
 * alerts behave exactly as for a single dose.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly treatment: TreatmentService,
    private readonly reminders: RemindersService,
  ) {}

  // ---- the roster ----

  async roster(actor: Actor, query: RosterQuery): Promise<RosterPageDto> {
    const facilityId = await this.clinicOf(actor, query.facilityId);
    const date = query.date ?? this.clock.today();
    if (date > this.clock.today()) throw invalid('date', 'must not be in the future');
    const scope = personInScope(actor, 'p');
    let where = `${ROSTER_FROM} AND ${scope.sql}`;
    const params: Record<string, unknown> = { ...scope.params, facilityId, rosterDay: date };
    if (query.q?.trim()) {
      where += ` AND p.search_text LIKE :q`;
      params.q = `%${escapeLike(foldForSearch(query.q))}%`;
    }
    const counts = await this.rows<{ status: keyof RosterCountsDto; n: number }>(
      `SELECT CASE WHEN d.id IS NULL THEN 'pending' ELSE d.status END AS status, count(*)::int AS n ${where} GROUP BY 1`,
      params,
    );
    const byStatus: RosterCountsDto = { pending: 0, taken: 0, missed: 0 };
    for (const c of counts) byStatus[c.status] = c.n;
    if (query.status) where += query.status === 'pending' ? ` AND d.id IS NULL` : ` AND d.status = :dayStatus`;
    params.dayStatus = query.status;
    // Vietnamese lists sort by the given name (the last word), then the whole name.
    const rows = await this.rows<RosterRow>(
      `SELECT ${ROSTER_COLUMNS} ${where.replace('WHERE', `${ROSTER_JOINS}\n   WHERE`)}
        ORDER BY regexp_replace(p.full_name, '^.*\\s', ''), p.full_name, p.case_code, e.id
        LIMIT :limit OFFSET :offset`,
      { ...params, limit: query.pageSize, offset: offsetOf(query) },
    );
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
    const touched = new Set<string>();
    const results = await this.db.transaction(async (m) => {
      const seen = new Set<string>();
      const out: RosterRowResultDto[] = [];
      for (const [index, row] of dto.rows.entries()) {
        try {
          if (seen.has(row.enrollmentId)) throw invalid(`rows.${index}.enrollmentId`, 'appears more than once in this request');
          seen.add(row.enrollmentId);
          const { dose, personId } = await m.transaction(async (sp) => {
            const e = await this.treatment.enrollmentInScope(actor, row.enrollmentId, sp);
            // The admin records for the clinic it named; another clinic's patient is not on this roster.
            if (e.facilityId !== facilityId) throw notFound('enrollment');
            const doseMg = row.status === 'taken' && row.doseMg === undefined ? await this.prescribedOn(sp, e.id, dto.date) : row.doseMg;
            const write = { date: dto.date, status: row.status, doseMg, ...(row.missedReason !== undefined ? { missedReason: row.missedReason } : {}) };
            const recorded = await this.treatment.recordDose(actor, e.id, write as RecordDoseDto, { manager: sp });
            return { dose: recorded, personId: e.personId };
          });
          touched.add(personId);
          out.push({ index, enrollmentId: row.enrollmentId, ok: true, dose });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          const message = Array.isArray(err.messages) ? err.messages : [err.messages];
          out.push({ index, enrollmentId: row.enrollmentId, ok: false, error: { statusCode: STATUS_OF[err.code], code: err.code, message } });
        }
      }
      return out;
    });
    await this.reminders.replanForPersons([...touched]);
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
      const prescription = m.create(DosePrescription, {
        enrollmentId,
        effectiveFrom: dto.effectiveFrom,
        doseMg: dto.doseMg,
        note: dto.note?.normalize('NFC') ?? null,
        prescribedBy: actor.id,
      });
      try {
        await m.save(prescription);
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
      return toPrescriptionView(await m.findOneByOrFail(DosePrescription, { id: prescription.id }));
    });
  }

  async prescriptions(actor: Actor, enrollmentId: string, query: PageQuery): Promise<Page<PrescriptionDto>> {
    const e = await this.treatment.enrollmentInScope(actor, enrollmentId);
    if (e.type !== 'methadone') throw invalid('id', 'doses are prescribed for methadone enrollments only');
    await this.audit.recordPersonRead(actor, e.personId, 'prescriptions', { enrollmentId });
    const [items, total] = await this.db.getRepository(DosePrescription).findAndCount({
      where: { enrollmentId },
      order: { effectiveFrom: 'DESC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
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
    const [f]: { type: string }[] = await this.db.query(`SELECT type FROM facilities WHERE id = $1`, [facilityId]);
    if (!f) throw notFound('clinic');
    if (f.type !== 'methadone_clinic') throw invalid('facilityId', 'must be a methadone clinic');
    return facilityId;
  }

  private async prescribedOn(m: EntityManager, enrollmentId: string, date: string): Promise<number | undefined> {
    const [rx]: { dose_mg: string }[] = await m.query(
      `SELECT dose_mg FROM dose_prescriptions WHERE enrollment_id = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
      [enrollmentId, date],
    );
    return rx ? Number(rx.dose_mg) : undefined;
  }

  private rows<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    return this.db.query(text, values);
  }
}
