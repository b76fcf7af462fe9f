import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Statements on `relapse_tasks` that other modules call. */
@Injectable()
export class RelapseRepository {
  /** Hands a person's open relapse task to another worker (the file moved to another commune). */
  async reassignOpen(m: EntityManager, personId: string, userId: string | null): Promise<void> {
    await m.query(`UPDATE relapse_tasks SET assigned_user_id = $2, updated_at = now() WHERE person_id = $1 AND status = 'open'`, [personId, userId]);
  }
}
