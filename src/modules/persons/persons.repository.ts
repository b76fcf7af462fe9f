import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';

/** What a file's move needs of it, read with the row locked. */
export interface PersonMoveRow {
  residence_unit_id: string;
  closed_on: string | null;
  case_code: string;
}

/** One entry of a person's event log (`person_events`). */
export interface PersonEventInput {
  personId: string;
  kind: string;
  eventDate: string;
  data: unknown;
  recordedBy: string | null;
}

/**
 * Statements on `persons` and `person_events` that other modules call (a lookup by national id, a
 * move, an event). The persons module's own reads and writes live beside it (`person-inserts.ts`,
 * `person-candidates.ts`, `person-timeline.sql.ts`, `persons.service.ts`).
 */
@Injectable()
export class PersonsRepository {
  constructor(private readonly db: DataSource) {}

  /** The open file holding a national id (by its lookup hash), and whether `scope` covers it. */
  async openByNationalIdHash(hash: Buffer, scope: ScopePredicate): Promise<{ id: string; inScope: boolean } | undefined> {
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT p.id, (${scope.sql}) AS "inScope" FROM persons p WHERE p.national_id_hash = :hash AND p.closed_on IS NULL`,
      { hash, ...scope.params },
    );
    const found: { id: string; inScope: boolean }[] = await this.db.query(sql, params);
    return found[0];
  }

  /** The fields a move checks, with the row locked for the rest of the transaction. */
  async lockForMove(m: EntityManager, personId: string): Promise<PersonMoveRow | undefined> {
    const rows: PersonMoveRow[] = await m.query(`SELECT residence_unit_id, closed_on, case_code FROM persons WHERE id = $1 FOR UPDATE`, [personId]);
    return rows[0];
  }

  /** Moves the file to another commune (a new version of the file). */
  async setResidence(m: EntityManager, personId: string, unitId: string): Promise<void> {
    await m.query(`UPDATE persons SET residence_unit_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [personId, unitId]);
  }

  async recordEvent(m: EntityManager, e: PersonEventInput): Promise<void> {
    await m.query(
      `INSERT INTO person_events (person_id, kind, event_date, data, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, clock_timestamp())`,
      [e.personId, e.kind, e.eventDate, JSON.stringify(e.data), e.recordedBy],
    );
  }
}
