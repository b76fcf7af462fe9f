import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A scoped, searched person list sorted by registration (`GET /persons?q=hung&status=addicted` as a
 * province officer) was planned as a loop over the province's ~100 communes that each scanned the
 * trigram index for the whole country (6,900 matches of "hung", 99 times): 127 ms at 250,000 people.
 * With the creation time and the id in the index as well, the list selects its page's ids by an
 * index-only scan driven by the caller's units and reads only those rows: 3.5 ms (bench/README.md).
 * The new index replaces the one of 1764700000001, whose keys it shares.
 */
export class PersonsListCoveringIndex1764800000000 implements MigrationInterface {
  name = 'PersonsListCoveringIndex1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_persons_residence_status_search`);
    await q.query(`CREATE INDEX ix_persons_residence_status_search ON persons (residence_unit_id, status) INCLUDE (search_text, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_persons_residence_status_search`);
    await q.query(`CREATE INDEX ix_persons_residence_status_search ON persons (residence_unit_id, status) INCLUDE (search_text)`);
  }
}
