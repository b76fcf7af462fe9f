import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReminderKind } from './reminder.entity.js';

/**
 * Reminders for the worker responsible for a person. Other features call two things:
 * - `resolve(manager, subjectId, kinds)` inside their transaction when the work is done;
 * - `replanForPerson(personId)` after their transaction commits, so jobs match the database.
 *   It never throws: when Redis is away the periodic sweep raises what a lost job would have.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(private readonly db: DataSource) {}

  async resolve(manager: EntityManager, subjectId: string, kinds: ReminderKind[]): Promise<void> {
    await manager.query(
      `UPDATE reminders SET status = 'resolved', resolved_at = now()
        WHERE subject_id = $1 AND kind = ANY($2) AND status <> 'resolved'`,
      [subjectId, kinds],
    );
  }

  async replanForPerson(personId: string): Promise<void> {
    // Planned by the reminders feature; until then the database alone holds what is due.
    this.logger.debug({ personId }, 'replan requested');
  }
}
