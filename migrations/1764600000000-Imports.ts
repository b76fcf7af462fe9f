import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk imports of registers. The uploaded file is kept in the row until its job has read it, so
 * any worker process can run the job; rejected rows keep their original values encrypted, for the
 * error report the worker downloads, fixes and uploads again.
 */
export class Imports1764600000000 implements MigrationInterface {
  name = 'Imports1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('persons')),
        created_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        dry_run boolean NOT NULL DEFAULT false,
        file_name text NOT NULL,
        file_format text NOT NULL CHECK (file_format IN ('xlsx', 'csv')),
        file_size integer NOT NULL CHECK (file_size >= 0),
        file_bytes bytea,
        headers text[],
        header_row integer,
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        batches_done integer NOT NULL DEFAULT 0,
        created_count integer NOT NULL DEFAULT 0,
        updated_count integer NOT NULL DEFAULT 0,
        unchanged_count integer NOT NULL DEFAULT 0,
        rejected_count integer NOT NULL DEFAULT 0,
        file_errors jsonb NOT NULL DEFAULT '[]',
        ip text,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_imports_creator ON imports (created_by, created_at DESC)`);
    await q.query(`
      CREATE TABLE import_rejections (
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        errors jsonb NOT NULL,
        values_cipher bytea NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_rejections`);
    await q.query(`DROP TABLE IF EXISTS imports`);
  }
}
