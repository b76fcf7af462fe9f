import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../../common/time/dates.js';

/** Which scheduled follow-ups `markMissed` marks. */
export type MissedFollowUps =
  /** Every follow-up of an open file's active supervision still scheduled `graceDays` after its due date (the sweep). */
  | { dueBy: { today: IsoDate; graceDays: number } }
  /** One follow-up, if it is still scheduled on that due date in an active supervision (its overdue job). */
  | { followUp: { id: string; dueDate: string } };

/**
 * Statements on the supervision module's tables (supervisions, visits, follow_ups) that other
 * modules need. Other modules never write these tables themselves.
 */
@Injectable()
export class SupervisionRepository {
  /**
   * "Mark follow-ups missed", the one definition: scheduled follow-ups of active supervisions become
   * missed. A follow-up due on D is missed from D + grace days on, the same moment its overdue
   * reminder is raised. Answers how many were marked.
   */
  async markMissed(m: EntityManager, which: MissedFollowUps): Promise<number> {
    const [filter, params] =
      'dueBy' in which
        ? [
            `f.due_date + $2::int <= $1::date AND EXISTS (SELECT 1 FROM persons p WHERE p.id = s.person_id AND p.closed_on IS NULL)`,
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
