import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ownFacilityOnly } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import type { PageQuery } from '../../common/http/paging.js';
import { pageOfRows } from '../../database/sql.js';

export const DRUG_TEST_METHODS = ['urine_rapid', 'saliva', 'blood', 'hair', 'other'] as const;
export type DrugTestMethod = (typeof DRUG_TEST_METHODS)[number];
export const DRUG_TEST_RESULTS = ['negative', 'positive', 'invalid'] as const;
export type DrugTestResult = (typeof DRUG_TEST_RESULTS)[number];

/** A drug test (xét nghiệm ma túy), usually a rapid urine test; clinic and facility staff's carry their facility. */
export interface DrugTestRow {
  id: string;
  personId: string;
  testDate: string;
  method: DrugTestMethod;
  result: DrugTestResult;
  substances: string[];
  facilityId: string | null;
  recordedBy: string | null;
  createdAt: Date;
}

const COLUMNS = `id, person_id AS "personId", test_date AS "testDate", method, result, substances,
  facility_id AS "facilityId", recorded_by AS "recordedBy", created_at AS "createdAt"`;

/** Every statement on `drug_tests`. */
@Injectable()
export class DrugTestsRepository {
  constructor(private readonly db: DataSource) {}

  async insert(m: EntityManager, t: Omit<DrugTestRow, 'id' | 'createdAt'>): Promise<DrugTestRow> {
    const [row]: DrugTestRow[] = await m.query(
      `INSERT INTO drug_tests (person_id, test_date, method, result, substances, facility_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [t.personId, t.testDate, t.method, t.result, t.substances, t.facilityId, t.recordedBy],
    );
    return row;
  }

  /** A page of a person's tests, latest first; clinic and facility staff see only their facility's. */
  listForPerson(actor: Actor, personId: string, query: PageQuery): Promise<[DrugTestRow[], number]> {
    const own = ownFacilityOnly(actor, 'facility_id');
    return pageOfRows<DrugTestRow>(
      this.db.manager,
      {
        columns: COLUMNS,
        from: `FROM drug_tests WHERE person_id = :personId${own ? ` AND ${own.sql}` : ''}`,
        orderBy: 'test_date DESC, created_at DESC',
        params: { personId, ...own?.params },
      },
      query,
    );
  }
}
