import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Reads of `audit_logs` that other modules call. The log's writes stay in `AuditService.record`
 * (the one insert path), and its list in `AuditService.list`.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  /** How many rows of `action` a user wrote since `since`. */
  async countOfActorSince(actorId: string, action: string, since: Date, m?: EntityManager): Promise<number> {
    const rows: { n: number }[] = await (m ?? this.db.manager).query(
      `SELECT count(*)::int AS n FROM audit_logs WHERE actor_id = $1 AND action = $2 AND at >= $3`,
      [actorId, action, since],
    );
    return rows[0].n;
  }
}
