import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pretrial detention centres and holding facilities (`detention_facility`) and the addiction
 * treatment they give to people held there (`detention` enrollments), so coverage can count who
 * was held and who was treated at the period's end.
 */
export class DetentionTreatment1765600000001 implements MigrationInterface {
  name = 'DetentionTreatment1765600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE facilities DROP CONSTRAINT facilities_type_check`);
    await q.query(
      `ALTER TABLE facilities ADD CONSTRAINT facilities_type_check CHECK (type IN ('methadone_clinic', 'rehab_facility', 'health_station', 'detention_facility'))`,
    );
    await q.query(`ALTER TABLE enrollments DROP CONSTRAINT enrollments_type_check`);
    await q.query(`ALTER TABLE enrollments ADD CONSTRAINT enrollments_type_check CHECK (type IN ('community', 'methadone', 'facility', 'detention'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM enrollments WHERE type = 'detention'`);
    await q.query(`ALTER TABLE enrollments DROP CONSTRAINT enrollments_type_check`);
    await q.query(`ALTER TABLE enrollments ADD CONSTRAINT enrollments_type_check CHECK (type IN ('community', 'methadone', 'facility'))`);
    await q.query(`ALTER TABLE facilities DROP CONSTRAINT facilities_type_check`);
    await q.query(`ALTER TABLE facilities ADD CONSTRAINT facilities_type_check CHECK (type IN ('methadone_clinic', 'rehab_facility', 'health_station'))`);
  }
}
