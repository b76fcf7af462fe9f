import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import finds the open file of a row without national id by residence and date of birth (then
 * by folded name); without this index each lookup scans the commune's files.
 */
export class ImportLookupIndex1764600000001 implements MigrationInterface {
  name = 'ImportLookupIndex1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_persons_open_residence_dob ON persons (residence_unit_id, date_of_birth) WHERE closed_on IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_persons_open_residence_dob`);
  }
}
