import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import { queryNamed } from '../../database/sql.js';
import type { RelapseDecision, RelapseSource } from './dto/relapse.dto.js';

/** A relapse task (`relapse_tasks`), as the API answers it but for whether the person is an adult. */
export interface RelapseTaskRow {
  id: string;
  personId: string;
  supervisionId: string | null;
  source: RelapseSource;
  /** The visit or drug test that showed the relapse. */
  sourceId: string;
  detectedOn: string;
  /** The responsible worker. */
  assignedUserId: string | null;
  status: 'open' | 'decided';
  decision: RelapseDecision | null;
  decisionNote: string | null;
  decidedOn: string | null;
  decidedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `r.id, r.person_id AS "personId", r.supervision_id AS "supervisionId", r.source, r.source_id AS "sourceId",
  to_char(r.detected_on, 'YYYY-MM-DD') AS "detectedOn", r.assigned_user_id AS "assignedUserId", r.status,
  r.decision, r.decision_note AS "decisionNote", to_char(r.decided_on, 'YYYY-MM-DD') AS "decidedOn",
  r.decided_by AS "decidedBy", r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/** Every statement on `relapse_tasks`. */
@Injectable()
export class RelapseRepository {
  /** The new open task's id; undefined when the person has one open already (or the source raised one). */
  async insertOpen(
    m: EntityManager,
    t: Pick<RelapseTaskRow, 'personId' | 'supervisionId' | 'source' | 'sourceId' | 'detectedOn' | 'assignedUserId'>,
  ): Promise<string | undefined> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO relapse_tasks (person_id, supervision_id, source, source_id, detected_on, assigned_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [t.personId, t.supervisionId, t.source, t.sourceId, t.detectedOn, t.assignedUserId],
    );
    return row?.id;
  }

  /** The task, if `scope` (a predicate on `r.person_id`) covers it; `forUpdate` locks it for the transaction. */
  async findInScope(m: EntityManager, id: string, scope: ScopePredicate, forUpdate = false): Promise<RelapseTaskRow | undefined> {
    const [row] = await queryNamed<RelapseTaskRow>(
      m,
      `SELECT ${COLUMNS} FROM relapse_tasks r WHERE r.id = :relapseTaskId AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF r' : ''}`,
      { relapseTaskId: id, ...scope.params },
    );
    return row;
  }

  async decide(m: EntityManager, id: string, d: Pick<RelapseTaskRow, 'decision' | 'decisionNote' | 'decidedOn' | 'decidedBy'>): Promise<void> {
    await m.query(
      `UPDATE relapse_tasks SET status = 'decided', decision = $2, decision_note = $3, decided_on = $4, decided_by = $5, updated_at = now() WHERE id = $1`,
      [id, d.decision, d.decisionNote, d.decidedOn, d.decidedBy],
    );
  }

  /** Hands a person's open relapse task to another worker (the file moved to another commune). */
  async reassignOpen(m: EntityManager, personId: string, userId: string | null): Promise<void> {
    await m.query(`UPDATE relapse_tasks SET assigned_user_id = $2, updated_at = now() WHERE person_id = $1 AND status = 'open'`, [personId, userId]);
  }
}
