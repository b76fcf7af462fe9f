import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { offsetOf, type PageQuery } from '../../common/http/paging.js';
import { pageOfRows, queryNamed } from '../../database/sql.js';
import { searchTextMatches } from '../persons/person-search.js';
import { currentMissedRuns } from '../treatment/missed-doses.sql.js';
import type { RosterCountsDto, RosterDayStatus, RosterItemDto } from './dto/roster.dto.js';

/**
 * The methadone dose prescribed for an enrollment from a day on. A change of dose is a new row:
 * the history is kept, never overwritten. The dose in force on a day is the latest row from on or
 * before it.
 */
export interface DosePrescriptionRow {
  id: string;
  enrollmentId: string;
  effectiveFrom: string;
  doseMg: number;
  note: string | null;
  prescribedBy: string | null;
  createdAt: Date;
}

const PRESCRIPTION_COLUMNS = `id, enrollment_id AS "enrollmentId", effective_from AS "effectiveFrom", dose_mg::float8 AS "doseMg",
  note, prescribed_by AS "prescribedBy", created_at AS "createdAt"`;

/**
 * The active methadone patients of one clinic on one day: the dose prescribed for that day, the
 * day's dose if recorded, the run of missed days up to it and the last day a dose was taken.
 * `:facilityId` and `:rosterDay` are TypeORM-style parameters; the scope predicate adds its own.
 * It reads treatment's and persons' tables in the one statement (a read grant of
 * database/table-owners.ts), so the day is counted, searched, sorted and paged in SQL.
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

/** The missed run as of the roster's day is the one definition (missed-doses.sql.ts), bounded by that day. */
const ROSTER_JOINS = `
    LEFT JOIN LATERAL (
      SELECT dp.id, dp.dose_mg FROM dose_prescriptions dp
       WHERE dp.enrollment_id = e.id AND dp.effective_from <= :rosterDay
       ORDER BY dp.effective_from DESC LIMIT 1) rx ON TRUE
    LEFT JOIN LATERAL (
      SELECT max(t.date) AS last_taken FROM methadone_doses t
       WHERE t.enrollment_id = e.id AND t.status = 'taken' AND t.date <= :rosterDay) lt ON TRUE
    LEFT JOIN LATERAL (
      SELECT m.sessions AS n FROM (${currentMissedRuns('e.id', 'CAST(:rosterDay AS date)')}) m) run ON TRUE`;

/** A roster row as read, before its dose is nested. */
export interface RosterRow extends Omit<RosterItemDto, 'dose'> {
  doseId: string | null;
  doseStatus: 'taken' | 'missed' | null;
  doseMg: number | null;
  doseUpdatedAt: Date | null;
}

/** Which part of a clinic's roster: its day, a name or case-code search, and the caller's scope predicate over `p`. */
export interface RosterFilter {
  facilityId: string;
  date: string;
  q?: string;
  scope: { sql: string; params: Record<string, unknown> };
}

/** Every statement of the roster module: the day's roster and its table `dose_prescriptions`. */
@Injectable()
export class RosterRepository {
  constructor(private readonly db: DataSource) {}

  /** How many of the day's patients are pending, taken and missed. */
  async counts(filter: RosterFilter): Promise<RosterCountsDto> {
    const { where, params } = this.where(filter);
    const counts = await this.rows<{ status: keyof RosterCountsDto; n: number }>(
      `SELECT CASE WHEN d.id IS NULL THEN 'pending' ELSE d.status END AS status, count(*)::int AS n ${where} GROUP BY 1`,
      params,
    );
    const byStatus: RosterCountsDto = { pending: 0, taken: 0, missed: 0 };
    for (const c of counts) byStatus[c.status] = c.n;
    return byStatus;
  }

  /** A page of the day's patients (of one day status, or all). */
  page(filter: RosterFilter, status: RosterDayStatus | undefined, query: PageQuery): Promise<RosterRow[]> {
    const built = this.where(filter);
    let where = built.where;
    if (status) where += status === 'pending' ? ` AND d.id IS NULL` : ` AND d.status = :dayStatus`;
    // Vietnamese lists sort by the given name (the last word), then the whole name.
    return this.rows<RosterRow>(
      `SELECT ${ROSTER_COLUMNS} ${where.replace('WHERE', `${ROSTER_JOINS}\n   WHERE`)}
        ORDER BY regexp_replace(p.full_name, '^.*\\s', ''), p.full_name, p.case_code, e.id
        LIMIT :limit OFFSET :offset`,
      { ...built.params, dayStatus: status, limit: query.pageSize, offset: offsetOf(query) },
    );
  }

  /** The dose prescribed for the enrollment on that day, if any. */
  async prescribedOn(m: EntityManager, enrollmentId: string, date: string): Promise<number | undefined> {
    const [rx]: { dose_mg: string }[] = await m.query(
      `SELECT dose_mg FROM dose_prescriptions WHERE enrollment_id = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1`,
      [enrollmentId, date],
    );
    return rx ? Number(rx.dose_mg) : undefined;
  }

  /** Inserts a prescription (a unique violation on `uq_dose_prescriptions_day` is the caller's to map). */
  async insertPrescription(m: EntityManager, p: Omit<DosePrescriptionRow, 'id' | 'createdAt'>): Promise<DosePrescriptionRow> {
    const [row]: DosePrescriptionRow[] = await m.query(
      `INSERT INTO dose_prescriptions (enrollment_id, effective_from, dose_mg, note, prescribed_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${PRESCRIPTION_COLUMNS}`,
      [p.enrollmentId, p.effectiveFrom, p.doseMg, p.note, p.prescribedBy],
    );
    return row;
  }

  /** An enrollment's prescriptions, the latest first. */
  prescriptions(enrollmentId: string, query: PageQuery): Promise<[DosePrescriptionRow[], number]> {
    return pageOfRows<DosePrescriptionRow>(
      this.db.manager,
      { columns: PRESCRIPTION_COLUMNS, from: 'FROM dose_prescriptions WHERE enrollment_id = :enrollmentId', orderBy: 'effective_from DESC', params: { enrollmentId } },
      query,
    );
  }

  private where(filter: RosterFilter): { where: string; params: Record<string, unknown> } {
    const where = `${ROSTER_FROM} AND ${filter.scope.sql}`;
    const params: Record<string, unknown> = { ...filter.scope.params, facilityId: filter.facilityId, rosterDay: filter.date };
    const q = searchTextMatches('p', filter.q);
    return q ? { where: `${where} AND ${q.sql}`, params: { ...params, ...q.params } } : { where, params };
  }

  private rows<T>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    return queryNamed<T>(this.db.manager, sql, params);
  }
}
