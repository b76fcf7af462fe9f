import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { byIdInScope, isUuid, ownFacilityOnly } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { offsetOf, type PageQuery } from '../../common/http/paging.js';
import type { DoseQuery } from './dto/enrollment.dto.js';
import { Enrollment, type EnrollmentType } from './enrollment.entity.js';
import { MethadoneDose } from './methadone-dose.entity.js';
import { currentMissedRuns, type MissedRunRow } from './missed-doses.sql.js';

/** A dose as written: its row id and whether the day had no dose before. */
export interface DoseWrite {
  enrollmentId: string;
  date: string;
  doseMg: number | null;
  status: MethadoneDose['status'];
  missedReason: string | null;
  recordedBy: string;
}

/**
 * Every statement on the treatment module's tables (enrollments, methadone_doses); the run of
 * missed doses is the one definition in missed-doses.sql.ts, run from here.
 */
@Injectable()
export class TreatmentRepository {
  constructor(private readonly db: DataSource) {}

  /** The enrollment's current run of missed doses, if any. */
  async missedRun(enrollmentId: string, manager: EntityManager = this.db.manager): Promise<MissedRunRow | undefined> {
    const [run]: MissedRunRow[] = await manager.query(currentMissedRuns('$1'), [enrollmentId]);
    return run;
  }

  /** An enrollment the caller may see (scope over the person; clinic and facility staff: their own facility's), optionally locked. */
  findInScope(m: EntityManager, actor: Actor, id: string, lock?: 'pessimistic_write' | 'pessimistic_read'): Promise<Enrollment | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const qb = byIdInScope(m, Enrollment, 'e', actor, id);
    const own = ownFacilityOnly(actor, 'e.facility_id', 'e.type');
    if (own) qb.andWhere(own.sql, own.params);
    if (lock) qb.setLock(lock, undefined, ['e']);
    return qb.getOne();
  }

  /** A person's enrollments the caller may see, the latest first. */
  listForPerson(actor: Actor, personId: string, query: PageQuery): Promise<[Enrollment[], number]> {
    const qb = this.db.getRepository(Enrollment).createQueryBuilder('e').where('e.person_id = :personId', { personId });
    const own = ownFacilityOnly(actor, 'e.facility_id', 'e.type');
    if (own) qb.andWhere(own.sql, own.params);
    return qb.orderBy('e.start_date', 'DESC').addOrderBy('e.created_at', 'DESC').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
  }

  hasActive(m: EntityManager, personId: string, type: EnrollmentType): Promise<boolean> {
    return m.existsBy(Enrollment, { personId, type, status: 'active' });
  }

  /** Inserts an enrollment (a unique violation on `uq_enrollments_active_type` is the caller's to map). */
  async insert(m: EntityManager, values: Partial<Enrollment>): Promise<Enrollment> {
    const enrollment = m.create(Enrollment, values);
    await m.save(enrollment);
    return enrollment;
  }

  async end(m: EntityManager, id: string, values: Partial<Enrollment>): Promise<Enrollment> {
    await m.update(Enrollment, { id }, values);
    return m.findOneByOrFail(Enrollment, { id });
  }

  /**
   * Whether the person completed a community or facility treatment before `startDate`: one recorded
   * here (other than `exceptId`), or one known from paper files.
   */
  async completedBefore(m: EntityManager, personId: string, startDate: string, exceptId: string | null): Promise<boolean> {
    const [row]: { repeat: boolean }[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM enrollments e
                       WHERE e.person_id = $1 AND e.id IS DISTINCT FROM $3::uuid
                         AND ((e.type IN ('community', 'facility') AND e.outcome = 'completed' AND e.end_date < $2)
                              OR (e.prior_completed_on_paper > 0 AND e.start_date <= $2))) AS repeat`,
      [personId, startDate, exceptId],
    );
    return row.repeat;
  }

  /** Writes the dose of one day (a second write for the day updates it) and answers the row. */
  async upsertDose(m: EntityManager, dose: DoseWrite): Promise<{ dose: MethadoneDose; inserted: boolean }> {
    const [row]: { id: string; inserted: boolean }[] = await m.query(
      `INSERT INTO methadone_doses (enrollment_id, date, dose_mg, status, missed_reason, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (enrollment_id, date) DO UPDATE
          SET dose_mg = EXCLUDED.dose_mg, status = EXCLUDED.status, missed_reason = EXCLUDED.missed_reason,
              recorded_by = EXCLUDED.recorded_by, updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [dose.enrollmentId, dose.date, dose.doseMg, dose.status, dose.missedReason, dose.recordedBy],
    );
    return { dose: await m.findOneByOrFail(MethadoneDose, { id: row.id }), inserted: row.inserted };
  }

  /** An enrollment's doses between two days, the latest first. */
  listDoses(enrollmentId: string, query: DoseQuery): Promise<[MethadoneDose[], number]> {
    const qb = this.db.getRepository(MethadoneDose).createQueryBuilder('d').where('d.enrollment_id = :enrollmentId', { enrollmentId });
    if (query.from) qb.andWhere('d.date >= :from', { from: query.from });
    if (query.to) qb.andWhere('d.date <= :to', { to: query.to });
    return qb.orderBy('d.date', 'DESC').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
  }

  /** One of the person's enrollments, as the source of a supervision's term; undefined when it is not theirs. */
  async termSource(m: EntityManager, enrollmentId: string, personId: string): Promise<Pick<Enrollment, 'type' | 'mode' | 'legalBasis' | 'startDate'> | undefined> {
    const [e]: { type: EnrollmentType; mode: Enrollment['mode']; legal_basis: Enrollment['legalBasis']; start_date: string }[] = await m.query(
      `SELECT type, mode, legal_basis, start_date FROM enrollments WHERE id = $1 AND person_id = $2`,
      [enrollmentId, personId],
    );
    return e ? { type: e.type, mode: e.mode, legalBasis: e.legal_basis, startDate: e.start_date } : undefined;
  }

  // ---- a merge of two files of one person (in the merge's transaction) ----

  /** The types of which both persons have an active enrollment (a person has one of each type at a time). */
  async activeTypesOfBoth(m: EntityManager, personId: string, otherPersonId: string): Promise<EnrollmentType[]> {
    const rows: { type: EnrollmentType }[] = await m.query(
      `SELECT e.type FROM enrollments e JOIN enrollments o ON o.type = e.type AND o.status = 'active'
        WHERE e.person_id = $1 AND o.person_id = $2 AND e.status = 'active'`,
      [personId, otherPersonId],
    );
    return rows.map((r) => r.type);
  }

  /** How many doses the person's enrollments hold. */
  async countDosesOfPerson(m: EntityManager, personId: string): Promise<number> {
    const [{ n }]: { n: string }[] = await m.query(
      `SELECT count(*) AS n FROM methadone_doses d JOIN enrollments e ON e.id = d.enrollment_id WHERE e.person_id = $1`,
      [personId],
    );
    return Number(n);
  }

  /** Re-points every enrollment (with its doses) of one person to another; answers how many moved. */
  async movePerson(m: EntityManager, fromPersonId: string, toPersonId: string): Promise<number> {
    const [, moved]: [unknown, number] = await m.query(`UPDATE enrollments SET person_id = $2, updated_at = now() WHERE person_id = $1`, [
      fromPersonId,
      toPersonId,
    ]);
    return moved;
  }

  /** Whether any enrollment, open or ended, took place at the facility. */
  async anyAtFacility(m: EntityManager, facilityId: string): Promise<boolean> {
    const [{ used }]: { used: boolean }[] = await m.query('SELECT EXISTS (SELECT 1 FROM enrollments WHERE facility_id = $1) AS used', [facilityId]);
    return used;
  }
}
