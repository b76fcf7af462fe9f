import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { byIdInScope, isUuid } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { offsetOf, type PageQuery } from '../../common/http/paging.js';
import type { IsoDate } from '../../common/time/dates.js';
import { fileIsOpenSql } from '../persons/persons.repository.js';
import { FollowUp } from './follow-up.entity.js';
import { Supervision } from './supervision.entity.js';
import { Visit } from './visit.entity.js';

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
  constructor(private readonly db: DataSource) {}

  // ---- supervisions ----

  hasActive(m: EntityManager, personId: string): Promise<boolean> {
    return m.existsBy(Supervision, { personId, status: 'active' });
  }

  /** A supervision whose person is in the caller's scope, optionally locked for update. */
  findInScope(m: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<Supervision | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const qb = byIdInScope(m, Supervision, 's', actor, id);
    if (forUpdate) qb.setLock('pessimistic_write', undefined, ['s']);
    return qb.getOne();
  }

  byId(m: EntityManager, id: string): Promise<Supervision> {
    return m.findOneByOrFail(Supervision, { id });
  }

  /** A person's supervisions, the latest first, with their follow-ups. */
  async listForPerson(personId: string, query: PageQuery): Promise<{ items: Supervision[]; total: number; followUps: FollowUp[] }> {
    const [items, total] = await this.db.getRepository(Supervision).findAndCount({
      where: { personId },
      order: { startDate: 'DESC', createdAt: 'DESC' },
      skip: offsetOf(query),
      take: query.pageSize,
    });
    const followUps = items.length
      ? await this.db.getRepository(FollowUp).find({ where: { supervisionId: In(items.map((s) => s.id)) }, order: { dueDate: 'ASC' } })
      : [];
    return { items, total, followUps };
  }

  /** Inserts a supervision and its scheduled follow-ups. */
  async insert(m: EntityManager, values: Partial<Supervision>, dues: IsoDate[]): Promise<Supervision> {
    const supervision = m.create(Supervision, values);
    await m.save(supervision);
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

  async end(m: EntityManager, id: string, endedOn: IsoDate, outcome: Supervision['outcome']): Promise<void> {
    await m.update(Supervision, { id }, { status: 'ended', endedOn, outcome });
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
    if (dues.length) await m.insert(FollowUp, dues.map((dueDate) => ({ supervisionId, dueDate, status: 'scheduled' as const })));
  }

  followUpsOf(m: EntityManager, supervisionId: string): Promise<FollowUp[]> {
    return m.find(FollowUp, { where: { supervisionId }, order: { dueDate: 'ASC' } });
  }

  visitsOf(m: EntityManager, supervisionId: string): Promise<Visit[]> {
    return m.find(Visit, { where: { supervisionId }, order: { visitDate: 'ASC', createdAt: 'ASC' } });
  }

  /** The earliest follow-up still scheduled, if any. */
  earliestScheduled(m: EntityManager, supervisionId: string): Promise<FollowUp | null> {
    return m.findOne(FollowUp, { where: { supervisionId, status: 'scheduled' }, order: { dueDate: 'ASC' } });
  }

  async insertVisit(m: EntityManager, values: Partial<Visit>): Promise<Visit> {
    const visit = m.create(Visit, values);
    await m.save(visit);
    return visit;
  }

  async completeFollowUp(m: EntityManager, followUpId: string, visitId: string): Promise<void> {
    await m.update(FollowUp, { id: followUpId }, { status: 'done', visitId });
  }

  /** Cancels the supervision's scheduled follow-ups; answers the ids cancelled. */
  cancelScheduled(m: EntityManager, supervisionId: string): Promise<{ id: string }[]> {
    return m.query(returningRows(`UPDATE follow_ups SET status = 'cancelled', updated_at = now() WHERE supervision_id = $1 AND status = 'scheduled' RETURNING id`), [
      supervisionId,
    ]);
  }

  /** The supervision's follow-ups that are cancelled or missed. */
  cancelledOrMissed(m: EntityManager, supervisionId: string): Promise<FollowUp[]> {
    return m.find(FollowUp, { where: { supervisionId, status: In(['cancelled', 'missed']) } });
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
