import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import type { PageQuery } from '../../common/http/paging.js';
import { pageOfRows, queryNamed } from '../../database/sql.js';
import { DROP_STALE_PAIRS_SQL, FIND_PAIRS_SQL } from './duplicate-pairs.sql.js';
import type { PairStatus } from './dto/duplicates.dto.js';

/** Two open files the likely-match rule matched (`duplicate_pairs`), pending review or marked. */
export interface DuplicatePairRow {
  id: string;
  personAId: string;
  personBId: string;
  score: number;
  reasons: string[];
  status: PairStatus;
  foundAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  survivorId: string | null;
}

const COLUMNS = `dp.id, dp.person_a_id AS "personAId", dp.person_b_id AS "personBId", dp.score::float8 AS score, dp.reasons, dp.status,
  dp.found_at AS "foundAt", dp.reviewed_by AS "reviewedBy", dp.reviewed_at AS "reviewedAt", dp.survivor_id AS "survivorId"`;

/** Every statement on `duplicate_pairs` (the finder's own SQL text is in `duplicate-pairs.sql.ts`). */
@Injectable()
export class DuplicatesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Stores the likely pairs of the province whose path pattern is `pattern` (null: every province) and
   * drops the pending pairs that run no longer finds, in one transaction; the pairs found and the files compared.
   */
  findAndStore(provinceId: string | null, pattern: string | null): Promise<{ found: number; people: number }> {
    return this.db.transaction(async (m) => {
      const [row]: { found: number; people: number }[] = await m.query(FIND_PAIRS_SQL, [pattern]);
      await m.query(DROP_STALE_PAIRS_SQL, [provinceId]);
      return row;
    });
  }

  /** How many pairs wait for review in the province (null: in every province). */
  async countPending(provinceId: string | null): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM duplicate_pairs WHERE ($1::uuid IS NULL OR province_id = $1::uuid) AND status = 'pending'`,
      [provinceId],
    );
    return n;
  }

  /**
   * A page of the pairs in `status` whose two files `a` and `b` (predicates on `pa` and `pb`) both
   * show, best first. A pending pair one of whose files was closed since is no longer a question.
   */
  page(status: PairStatus, a: ScopePredicate, b: ScopePredicate, query: PageQuery): Promise<[DuplicatePairRow[], number]> {
    return pageOfRows<DuplicatePairRow>(
      this.db.manager,
      {
        columns: COLUMNS,
        from: `FROM duplicate_pairs dp
          JOIN persons pa ON pa.id = dp.person_a_id
          JOIN persons pb ON pb.id = dp.person_b_id
         WHERE dp.status = :status AND (${a.sql}) AND (${b.sql})${status === 'pending' ? ' AND pa.closed_on IS NULL AND pb.closed_on IS NULL' : ''}`,
        orderBy: 'dp.score DESC, dp.found_at ASC, dp.id ASC',
        params: { ...a.params, ...b.params, status },
      },
      query,
    );
  }

  /** The pair, locked for a decision. */
  async lock(m: EntityManager, id: string): Promise<DuplicatePairRow | undefined> {
    const [row] = await queryNamed<DuplicatePairRow>(m, `SELECT ${COLUMNS} FROM duplicate_pairs dp WHERE dp.id = :id FOR UPDATE`, { id });
    return row;
  }

  /** Drops the other pending pairs of a file merged away (the next run proposes them again with the survivor). */
  async dropPendingOf(m: EntityManager, personId: string, exceptPairId: string): Promise<void> {
    await m.query(`DELETE FROM duplicate_pairs WHERE status = 'pending' AND id <> $2 AND (person_a_id = $1 OR person_b_id = $1)`, [personId, exceptPairId]);
  }

  /** Marks the pair reviewed; the pair as marked. */
  async mark(m: EntityManager, id: string, r: { status: PairStatus; survivorId: string | null; reviewedBy: string }): Promise<DuplicatePairRow> {
    const [row] = await queryNamed<DuplicatePairRow>(
      m,
      `WITH marked AS (
         UPDATE duplicate_pairs SET status = :status, survivor_id = :survivorId, reviewed_by = :reviewedBy, reviewed_at = now() WHERE id = :id RETURNING *
       )
       SELECT ${COLUMNS} FROM marked dp`,
      { id, ...r },
    );
    return row;
  }
}
