import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid, personIdInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import type { PageQuery } from '../../common/http/paging.js';
import type { IsoDate } from '../../common/time/dates.js';
import { pageOfRows, queryNamed } from '../../database/sql.js';
import { fileIsOpenSql } from '../persons/persons.repository.js';
import type { DrugTest, FollowUpStatus, SupervisionOutcome, SupervisionStatus, VisitMethod } from './supervision-values.js';

/** Post-rehab supervision (quản lý sau cai): at most one active per person. */
export interface SupervisionRow {
  id: string;
  personId: string;
  sourceEnrollmentId: string | null;
  startDate: string;
  endDate: string;
  intervalDays: number;
  supervisorUserId: string | null;
  status: SupervisionStatus;
  outcome: SupervisionOutcome | null;
  endedOn: string | null;
  /** The post-rehab management decision (Decree 116/2021 Art 78), once made. */
  decisionNo: string | null;
  decisionOn: string | null;
  /** The dated rule that set the default term (plan.ts), or null when the end date was given. */
  termRule: string | null;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns of a supervision, over the alias `s`. */
const SUPERVISION_COLUMNS = `s.id, s.person_id AS "personId", s.source_enrollment_id AS "sourceEnrollmentId", s.start_date AS "startDate",
  s.end_date AS "endDate", s.interval_days AS "intervalDays", s.supervisor_user_id AS "supervisorUserId", s.status, s.outcome,
  s.ended_on AS "endedOn", s.decision_no AS "decisionNo", s.decision_on AS "decisionOn", s.term_rule AS "termRule", s.version,
  s.created_by AS "createdBy", s.created_at AS "createdAt", s.updated_at AS "updatedAt"`;

/** What opening a supervision writes; the rest are the table's defaults. */
export type NewSupervision = Pick<SupervisionRow, 'personId' | 'sourceEnrollmentId' | 'startDate' | 'endDate' | 'intervalDays' | 'supervisorUserId' | 'termRule' | 'status' | 'createdBy'> &
  Partial<Pick<SupervisionRow, 'decisionNo' | 'decisionOn'>>;

/** A follow-up due in a supervision, done by the visit that completes it. */
export interface FollowUpRow {
  id: string;
  supervisionId: string;
  dueDate: string;
  status: FollowUpStatus;
  visitId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const FOLLOW_UP_COLUMNS = `id, supervision_id AS "supervisionId", due_date AS "dueDate", status, visit_id AS "visitId",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** A visit of a supervision; the notes are free text, stored encrypted (`notes_cipher`). */
export interface VisitRow {
  id: string;
  supervisionId: string;
  followUpId: string | null;
  visitDate: string;
  method: VisitMethod;
  drugTest: DrugTest;
  relapse: boolean;
  notes: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

/** The row as stored: the notes still encrypted. */
type StoredVisit = Omit<VisitRow, 'notes'> & { notes: Buffer | null };

const VISIT_COLUMNS = `id, supervision_id AS "supervisionId", follow_up_id AS "followUpId", visit_date AS "visitDate", method,
  drug_test AS "drugTest", relapse, notes_cipher AS notes, recorded_by AS "recordedBy", created_at AS "createdAt"`;

/** TypeORM answers a bare UPDATE/DELETE … RETURNING with [rows, count]; wrapped in a CTE it answers the rows. */
const returningRows = (statement: string) => `WITH touched AS (${statement}) SELECT * FROM touched`;

/** The fields of a supervision an update sets (with the version it read). */
export interface SupervisionUpdate {
  version: number;
  endDate: IsoDate;
  intervalDays: number;
  supervisorUserId: string | null;
  decisionNo: string | null;
  decisionOn: IsoDate | null;
}

/** Which scheduled follow-ups `markMissed` marks. */
export type MissedFollowUps =
  /** Every follow-up of an open file's active supervision still scheduled `graceDays` after its due date (the sweep). */
  | { dueBy: { today: IsoDate; graceDays: number } }
  /** One follow-up, if it is still scheduled on that due date in an active supervision (its overdue job). */
  | { followUp: { id: string; dueDate: string } };

/**
 * Every statement on the supervision module's tables (supervisions, visits, follow_ups). Other
 * modules never write these tables themselves: they call these methods.
 */
@Injectable()
export class SupervisionRepository {
  constructor(
    private readonly db: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  // ---- supervisions ----

  async hasActive(m: EntityManager, personId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM supervisions WHERE person_id = $1 AND status = 'active'`, [personId]);
    return rows.length > 0;
  }

  /** A supervision whose person is in the caller's scope, optionally locked for update. */
  async findInScope(m: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<SupervisionRow | null> {
    if (!isUuid(id)) return null;
    const scope = personIdInScope(actor, 's.person_id');
    const [row] = await queryNamed<SupervisionRow>(
      m,
      `SELECT ${SUPERVISION_COLUMNS} FROM supervisions s WHERE s.id = :id AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF s' : ''}`,
      { ...scope.params, id },
    );
    return row ?? null;
  }

  async byId(m: EntityManager, id: string): Promise<SupervisionRow> {
    const [row]: SupervisionRow[] = await m.query(`SELECT ${SUPERVISION_COLUMNS} FROM supervisions s WHERE s.id = $1`, [id]);
    if (!row) throw new Error(`no supervision ${id}`);
    return row;
  }

  /** A person's supervisions, the latest first, with their follow-ups. */
  async listForPerson(personId: string, query: PageQuery): Promise<{ items: SupervisionRow[]; total: number; followUps: FollowUpRow[] }> {
    const [items, total] = await pageOfRows<SupervisionRow>(
      this.db.manager,
      { columns: SUPERVISION_COLUMNS, from: 'FROM supervisions s WHERE s.person_id = :personId', orderBy: 's.start_date DESC, s.created_at DESC', params: { personId } },
      query,
    );
    const followUps = items.length
      ? await this.db.query<FollowUpRow[]>(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE supervision_id = ANY($1) ORDER BY due_date`, [
          items.map((s) => s.id),
        ])
      : [];
    return { items, total, followUps };
  }

  /** Inserts a supervision and its scheduled follow-ups. */
  async insert(m: EntityManager, v: NewSupervision, dues: IsoDate[]): Promise<SupervisionRow> {
    const [supervision]: SupervisionRow[] = await m.query(
      `INSERT INTO supervisions AS s (person_id, source_enrollment_id, start_date, end_date, interval_days, supervisor_user_id, term_rule, status,
                                      created_by, decision_no, decision_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${SUPERVISION_COLUMNS}`,
      [v.personId, v.sourceEnrollmentId, v.startDate, v.endDate, v.intervalDays, v.supervisorUserId, v.termRule, v.status, v.createdBy, v.decisionNo ?? null, v.decisionOn ?? null],
    );
    await this.insertFollowUps(m, supervision.id, dues);
    return supervision;
  }

  /** Applies an update if the supervision is still at the version read; whether it was. */
  async update(m: EntityManager, id: string, u: SupervisionUpdate): Promise<boolean> {
    const [updated]: unknown[] = await m.query(
      returningRows(`UPDATE supervisions SET end_date = $3, interval_days = $4, supervisor_user_id = $5, decision_no = $6, decision_on = $7,
                            version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2 RETURNING id`),
      [id, u.version, u.endDate, u.intervalDays, u.supervisorUserId, u.decisionNo, u.decisionOn],
    );
    return !!updated;
  }

  async reassign(m: EntityManager, id: string, supervisorUserId: string): Promise<void> {
    await m.query(`UPDATE supervisions SET supervisor_user_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, supervisorUserId]);
  }

  async end(m: EntityManager, id: string, endedOn: IsoDate, outcome: SupervisionRow['outcome']): Promise<void> {
    await m.query(`UPDATE supervisions SET status = 'ended', ended_on = $2, outcome = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
      id,
      endedOn,
      outcome,
    ]);
  }

  /** The person's active supervision (a person has one at a time), if any. */
  async activeOf(m: EntityManager, personId: string): Promise<{ id: string; supervisor_user_id: string | null } | undefined> {
    const [active]: { id: string; supervisor_user_id: string | null }[] = await m.query(
      `SELECT id, supervisor_user_id FROM supervisions WHERE person_id = $1 AND status = 'active'`,
      [personId],
    );
    return active;
  }

  /** How many active supervisions each of these users supervises (a user with none is left out). */
  async activeCountsOf(m: EntityManager, userIds: string[]): Promise<Map<string, number>> {
    const rows: { id: string; n: number }[] = await m.query(
      `SELECT supervisor_user_id AS id, count(*)::int AS n FROM supervisions
        WHERE status = 'active' AND supervisor_user_id = ANY($1::uuid[]) GROUP BY supervisor_user_id`,
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /** Gives the person's active supervision, if any, to another supervisor (a file moved to another commune). */
  async reassignActiveOf(m: EntityManager, personId: string, supervisorUserId: string | null): Promise<void> {
    await m.query(`UPDATE supervisions SET supervisor_user_id = $2, version = version + 1, updated_at = now() WHERE person_id = $1 AND status = 'active'`, [
      personId,
      supervisorUserId,
    ]);
  }

  // ---- a merge of two files of one person (in the merge's transaction) ----

  /** Whether both persons have an active supervision. */
  async bothActive(m: EntityManager, personId: string, otherPersonId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM supervisions s JOIN supervisions o ON o.status = 'active'
        WHERE s.person_id = $1 AND o.person_id = $2 AND s.status = 'active'`,
      [personId, otherPersonId],
    );
    return rows.length > 0;
  }

  /** How many follow-ups and visits the person's supervisions hold. */
  async countFollowUpsAndVisitsOfPerson(m: EntityManager, personId: string): Promise<{ followUps: number; visits: number }> {
    const count = async (sql: string) => Number(((await m.query(sql, [personId])) as { n: string }[])[0].n);
    return {
      followUps: await count(`SELECT count(*) AS n FROM follow_ups f JOIN supervisions s ON s.id = f.supervision_id WHERE s.person_id = $1`),
      visits: await count(`SELECT count(*) AS n FROM visits v JOIN supervisions s ON s.id = v.supervision_id WHERE s.person_id = $1`),
    };
  }

  /** Re-points every supervision (with its follow-ups and visits) of one person to another; answers how many moved. */
  async movePerson(m: EntityManager, fromPersonId: string, toPersonId: string): Promise<number> {
    const [, moved]: [unknown, number] = await m.query(`UPDATE supervisions SET person_id = $2, updated_at = now() WHERE person_id = $1`, [
      fromPersonId,
      toPersonId,
    ]);
    return moved;
  }

  // ---- follow-ups and visits ----

  async insertFollowUps(m: EntityManager, supervisionId: string, dues: IsoDate[]): Promise<void> {
    if (dues.length) {
      await m.query(`INSERT INTO follow_ups (supervision_id, due_date, status) SELECT $1, unnest($2::date[]), 'scheduled'`, [supervisionId, dues]);
    }
  }

  followUpsOf(m: EntityManager, supervisionId: string): Promise<FollowUpRow[]> {
    return m.query(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE supervision_id = $1 ORDER BY due_date`, [supervisionId]);
  }

  async visitsOf(m: EntityManager, supervisionId: string): Promise<VisitRow[]> {
    const rows: StoredVisit[] = await m.query(`SELECT ${VISIT_COLUMNS} FROM visits WHERE supervision_id = $1 ORDER BY visit_date, created_at`, [supervisionId]);
    return rows.map((r) => ({ ...r, notes: r.notes ? this.cipher.decrypt(r.notes) : null }));
  }

  /** The earliest follow-up still scheduled, if any. */
  async earliestScheduled(m: EntityManager, supervisionId: string): Promise<FollowUpRow | null> {
    const [row]: FollowUpRow[] = await m.query(
      `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE supervision_id = $1 AND status = 'scheduled' ORDER BY due_date LIMIT 1`,
      [supervisionId],
    );
    return row ?? null;
  }

  async insertVisit(m: EntityManager, v: Omit<VisitRow, 'id' | 'createdAt'>): Promise<VisitRow> {
    const [row]: StoredVisit[] = await m.query(
      `INSERT INTO visits (supervision_id, follow_up_id, visit_date, method, drug_test, relapse, notes_cipher, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${VISIT_COLUMNS}`,
      [v.supervisionId, v.followUpId, v.visitDate, v.method, v.drugTest, v.relapse, this.cipher.encryptOptional(v.notes), v.recordedBy],
    );
    return { ...row, notes: v.notes };
  }

  async completeFollowUp(m: EntityManager, followUpId: string, visitId: string): Promise<void> {
    await m.query(`UPDATE follow_ups SET status = 'done', visit_id = $2, updated_at = now() WHERE id = $1`, [followUpId, visitId]);
  }

  /** Cancels the supervision's scheduled follow-ups; answers the ids cancelled. */
  cancelScheduled(m: EntityManager, supervisionId: string): Promise<{ id: string }[]> {
    return m.query(returningRows(`UPDATE follow_ups SET status = 'cancelled', updated_at = now() WHERE supervision_id = $1 AND status = 'scheduled' RETURNING id`), [
      supervisionId,
    ]);
  }

  /** The supervision's follow-ups that are cancelled or missed. */
  cancelledOrMissed(m: EntityManager, supervisionId: string): Promise<FollowUpRow[]> {
    return m.query(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE supervision_id = $1 AND status IN ('cancelled', 'missed')`, [supervisionId]);
  }

  /** Deletes the scheduled follow-ups due after `today`; answers their ids. */
  dropScheduledAfter(m: EntityManager, supervisionId: string, today: IsoDate): Promise<{ id: string }[]> {
    return m.query(returningRows(`DELETE FROM follow_ups WHERE supervision_id = $1 AND status = 'scheduled' AND due_date > $2 RETURNING id`), [
      supervisionId,
      today,
    ]);
  }

  /** The latest due date among the supervision's follow-ups, or null. */
  async lastDue(m: EntityManager, supervisionId: string): Promise<string | null> {
    const [last]: { due: string | null }[] = await m.query(`SELECT max(due_date) AS due FROM follow_ups WHERE supervision_id = $1`, [supervisionId]);
    return last.due;
  }

  /**
   * "Mark follow-ups missed", the one definition: scheduled follow-ups of active supervisions become
   * missed. A follow-up due on D is missed from D + grace days on, the same moment its overdue
   * reminder is raised. Answers how many were marked.
   */
  async markMissed(m: EntityManager, which: MissedFollowUps): Promise<number> {
    const [filter, params] =
      'dueBy' in which
        ? [
            `f.due_date + $2::int <= $1::date AND ${fileIsOpenSql('s.person_id')}`,
            [which.dueBy.today, which.dueBy.graceDays],
          ]
        : [`f.id = $1 AND f.due_date = $2`, [which.followUp.id, which.followUp.dueDate]];
    const [row]: { n: number }[] = await m.query(
      `WITH touched AS (
         UPDATE follow_ups f SET status = 'missed', updated_at = now()
           FROM supervisions s
          WHERE s.id = f.supervision_id AND s.status = 'active' AND f.status = 'scheduled' AND ${filter}
         RETURNING f.id)
       SELECT count(*)::int AS n FROM touched`,
      params,
    );
    return row.n;
  }
}
