import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate files of one person: a file merged into another is closed as `merged_into` with a
 * pointer to the file that survives; likely pairs found by the duplicates job wait in
 * `duplicate_pairs` for a province officer or an administrator to mark them the same person or
 * distinct (a distinct pair is never proposed again). The index on date of birth and sex serves
 * the matching (persons/person-candidates.ts), which compares names only among people born the
 * same year.
 */
/** The close reasons as LegalRules1765500000000 left them (the early ends of management, Art 23). */
const CLOSE_REASONS_BEFORE = ['moved_away', 'deceased', 'management_ended', 'detained', 'other', 'commune_education', 'reformatory', 'imprisoned']
  .map((r) => `'${r}'`)
  .join(', ');

export class Duplicates1765700000000 implements MigrationInterface {
  name = 'Duplicates1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE persons DROP CONSTRAINT persons_close_reason_check`);
    await q.query(
      `ALTER TABLE persons ADD CONSTRAINT persons_close_reason_check
         CHECK (close_reason IN (${CLOSE_REASONS_BEFORE}, 'merged_into'))`,
    );
    await q.query(`ALTER TABLE persons ADD COLUMN merged_into_id uuid REFERENCES persons(id)`);
    await q.query(
      `ALTER TABLE persons ADD CONSTRAINT ck_persons_merged CHECK ((close_reason = 'merged_into') = (merged_into_id IS NOT NULL))`,
    );
    await q.query(`CREATE INDEX ix_persons_birth_sex ON persons (date_of_birth, sex)`);

    await q.query(`
      CREATE TABLE duplicate_pairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_a_id uuid NOT NULL REFERENCES persons(id),
        person_b_id uuid NOT NULL REFERENCES persons(id),
        province_id uuid NOT NULL REFERENCES admin_units(id),
        score numeric(4, 3) NOT NULL,
        reasons text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'same', 'distinct')),
        survivor_id uuid REFERENCES persons(id),
        found_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        CONSTRAINT ck_duplicate_pairs_order CHECK (person_a_id < person_b_id),
        CONSTRAINT ck_duplicate_pairs_reviewed CHECK ((status = 'pending') = (reviewed_at IS NULL)),
        CONSTRAINT uq_duplicate_pairs UNIQUE (person_a_id, person_b_id)
      )`);
    await q.query(`CREATE INDEX ix_duplicate_pairs_province ON duplicate_pairs (province_id, status, score DESC)`);
    await q.query(`CREATE INDEX ix_duplicate_pairs_b ON duplicate_pairs (person_b_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE duplicate_pairs`);
    await q.query(`DROP INDEX ix_persons_birth_sex`);
    // Merged files become plain closed files ('other'): the pointer goes with the column.
    await q.query(`ALTER TABLE persons DROP CONSTRAINT ck_persons_merged`);
    await q.query(`ALTER TABLE persons DROP COLUMN merged_into_id`);
    await q.query(`ALTER TABLE persons DROP CONSTRAINT persons_close_reason_check`);
    await q.query(`UPDATE persons SET close_reason = 'other' WHERE close_reason = 'merged_into'`);
    await q.query(
      `ALTER TABLE persons ADD CONSTRAINT persons_close_reason_check
         CHECK (close_reason IN (${CLOSE_REASONS_BEFORE}))`,
    );
  }
}
