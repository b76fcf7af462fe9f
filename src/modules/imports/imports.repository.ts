import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { offsetOf, type PageQuery } from '../../common/http/paging.js';
import { Import } from './import.entity.js';
import type { RowError } from './person-rows.js';

/** Namespace of the advisory locks that serialise imports into the same commune. */
const UNIT_LOCK_NAMESPACE = 7_347_010;

/** What a batch adds to an import's counters. */
export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** A rejected row as stored: its reasons and, encrypted, its original values. */
export interface RejectionRow {
  row_number: number;
  errors: Omit<RowError, 'row'>[];
  values_cipher: Buffer;
}

/** The import fields a failure needs. */
export type FailingImport = Pick<Import, 'id' | 'kind' | 'dryRun' | 'createdBy'>;

/** Another run of the same job committed this batch first (a stalled job run twice). */
export class BatchTaken extends Error {
  override name = 'BatchTaken';
}

/** Every statement on the imports module's tables (imports, import_rejections). */
@Injectable()
export class ImportsRepository {
  constructor(private readonly db: DataSource) {}

  // ---- the HTTP side ----

  async insertQueued(
    actor: Actor,
    file: { dryRun: boolean; fileName: string; format: 'xlsx' | 'csv'; size: number; bytes: Buffer },
  ): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO imports (kind, created_by, status, dry_run, file_name, file_format, file_size, file_bytes, ip, request_id)
       VALUES ('persons', $1, 'queued', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [actor.id, file.dryRun, file.fileName, file.format, file.size, file.bytes, actor.ip, actor.requestId],
    );
    return rows[0].id;
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM imports WHERE id = $1`, [id]);
  }

  /** The import, if the caller may see it (its uploader, or an admin). */
  own(actor: Actor, id: string): Promise<Import | null> {
    const qb = this.db.getRepository(Import).createQueryBuilder('i').where('i.id = :id', { id });
    if (actor.role !== 'admin') qb.andWhere('i.created_by = :me', { me: actor.id });
    return qb.getOne();
  }

  /** The caller's imports (an admin's: all), the latest first. */
  listOwn(actor: Actor, query: PageQuery): Promise<[Import[], number]> {
    const qb = this.db.getRepository(Import).createQueryBuilder('i');
    if (actor.role !== 'admin') qb.where('i.created_by = :me', { me: actor.id });
    return qb.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
  }

  /** The first `limit` rejected rows' reasons, in row order. */
  rejectionErrors(importId: string, limit: number): Promise<Pick<RejectionRow, 'row_number' | 'errors'>[]> {
    return this.db.query(`SELECT r.row_number, r.errors FROM import_rejections r WHERE r.import_id = $1 ORDER BY r.row_number LIMIT $2`, [
      importId,
      limit,
    ]);
  }

  /** How many row errors the import's rejected rows carry in all. */
  async rejectionErrorCount(importId: string): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT coalesce(sum(jsonb_array_length(errors)), 0)::int AS n FROM import_rejections WHERE import_id = $1`,
      [importId],
    );
    return row.n;
  }

  /** Every rejected row with its encrypted values, in row order. */
  rejections(m: EntityManager, importId: string): Promise<RejectionRow[]> {
    return m.query(`SELECT row_number, errors, values_cipher FROM import_rejections WHERE import_id = $1 ORDER BY row_number`, [importId]);
  }

  // ---- the job's side ----

  /**
   * Two imports into the same commune take turns batch by batch, so the second sees the files the
   * first has just created (rows without national id have no unique index to stop a double).
   */
  async lockUnits(m: EntityManager, unitIds: string[]): Promise<void> {
    const units = [...new Set(unitIds)];
    if (!units.length) return;
    await m.query(`SELECT pg_advisory_xact_lock($1::int, k) FROM (SELECT hashtext(u) AS k FROM unnest($2::text[]) AS u ORDER BY 1) s`, [
      UNIT_LOCK_NAMESPACE,
      units,
    ]);
  }

  /** The import with its stored file, as the job starts it. */
  withFile(importId: string): Promise<Import | null> {
    return this.db.getRepository(Import).createQueryBuilder('i').addSelect('i.fileBytes').where('i.id = :importId', { importId }).getOne();
  }

  async markRunning(id: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE imports SET status = 'running', started_at = coalesce(started_at, $2) WHERE id = $1`, [id, now]);
  }

  async recordHeader(id: string, headers: string[], headerRow: number, totalRows: number): Promise<void> {
    await this.db.query(`UPDATE imports SET headers = $2, header_row = $3, total_rows = $4 WHERE id = $1`, [id, headers, headerRow, totalRows]);
  }

  /**
   * Stores a batch's rejected rows (values already encrypted) and adds its counts, in the batch's
   * transaction. Throws BatchTaken when another run committed this batch first.
   */
  async recordBatch(
    m: EntityManager,
    importId: string,
    batch: number,
    rows: number,
    counts: BatchCounts,
    rejected: { row: number; errors: Omit<RowError, 'row'>[]; valuesCipher: Buffer }[],
  ): Promise<void> {
    if (rejected.length) {
      await m.query(
        `INSERT INTO import_rejections (import_id, row_number, errors, values_cipher)
         SELECT $1, x.row_number, x.errors, x.values_cipher
           FROM unnest($2::int[], $3::jsonb[], $4::bytea[]) AS x(row_number, errors, values_cipher)
         ON CONFLICT (import_id, row_number) DO UPDATE SET errors = EXCLUDED.errors, values_cipher = EXCLUDED.values_cipher`,
        [importId, rejected.map((r) => r.row), rejected.map((r) => JSON.stringify(r.errors)), rejected.map((r) => r.valuesCipher)],
      );
    }
    const result: [unknown[], number] = await m.query(
      `UPDATE imports SET batches_done = $2 + 1, processed_rows = processed_rows + $3,
              created_count = created_count + $4, updated_count = updated_count + $5,
              unchanged_count = unchanged_count + $6, rejected_count = rejected_count + $7
        WHERE id = $1 AND batches_done = $2`,
      [importId, batch, rows, counts.created, counts.updated, counts.unchanged, counts.rejected],
    );
    if (result[1] !== 1) throw new BatchTaken();
  }

  /** Marks a running import done and forgets its file; its final counts, or undefined when it was not running. */
  async finish(
    m: EntityManager,
    id: string,
    now: Date,
  ): Promise<{ created_count: number; updated_count: number; unchanged_count: number; rejected_count: number; total_rows: number } | undefined> {
    const rows: { created_count: number; updated_count: number; unchanged_count: number; rejected_count: number; total_rows: number }[][] = await m.query(
      `UPDATE imports SET status = 'done', finished_at = $2, file_bytes = NULL WHERE id = $1 AND status = 'running'
       RETURNING created_count, updated_count, unchanged_count, rejected_count, total_rows`,
      [id, now],
    );
    return rows[0]?.[0];
  }

  /** Fails a queued or running import with its file errors and forgets its file; whether it did. */
  async fail(m: EntityManager, id: string, now: Date, errors: RowError[]): Promise<boolean> {
    const rows: unknown[][] = await m.query(
      `UPDATE imports SET status = 'failed', finished_at = $2, file_bytes = NULL, file_errors = $3::jsonb
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id, now, JSON.stringify(errors)],
    );
    return !!rows[0]?.length;
  }

  /** Imports a job should be working on (queued or running). */
  async pendingIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM imports WHERE status IN ('queued', 'running')`);
    return rows.map((r) => r.id);
  }

  /** The import, unless it already ended. */
  async unfinished(id: string): Promise<FailingImport | undefined> {
    const rows: { id: string; kind: 'persons'; dry_run: boolean; created_by: string }[] = await this.db.query(
      `SELECT id, kind, dry_run, created_by FROM imports WHERE id = $1 AND status NOT IN ('done', 'failed')`,
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, kind: r.kind, dryRun: r.dry_run, createdBy: r.created_by } : undefined;
  }
}
