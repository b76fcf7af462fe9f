import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import type { PageQuery } from '../../common/http/paging.js';
import { pageOfRows } from '../../database/sql.js';
import { searchTextMatches } from '../persons/person-search.js';
import type { ResidentDto } from './dto/residents.dto.js';

/**
 * The active stays at one facility on a day: a stay at a rehabilitation facility or treatment in
 * detention, begun on or before the day. `:facilityId` and `:today` are TypeORM-style parameters;
 * the scope predicate adds its own.
 */
const RESIDENTS_FROM = `
    FROM enrollments e
    JOIN persons p ON p.id = e.person_id
   WHERE e.facility_id = :facilityId AND e.type IN ('facility', 'detention') AND e.status = 'active' AND e.start_date <= :today`;

const RESIDENTS_COLUMNS = `
  e.id AS "enrollmentId", p.id AS "personId", p.case_code AS "caseCode", p.full_name AS "fullName", e.type AS "type", e.mode AS "mode",
  to_char(e.start_date, 'YYYY-MM-DD') AS "startDate", to_char(e.planned_end_date, 'YYYY-MM-DD') AS "plannedEndDate"`;

/** Which residents: the facility, the day, a name or case-code search, and the caller's scope predicate over `p`. */
export interface ResidentsFilter {
  facilityId: string;
  today: string;
  q?: string;
  scope: ScopePredicate;
}

/** A facility's residents, counted and paged in SQL (the roster module's read of enrollments and persons). */
@Injectable()
export class ResidentsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * A page of the residents and how many there are in all; Vietnamese lists sort by the given name
   * (the last word), then the whole name.
   */
  page(filter: ResidentsFilter, query: PageQuery): Promise<[ResidentDto[], number]> {
    const q = searchTextMatches('p', filter.q);
    return pageOfRows<ResidentDto>(
      this.db.manager,
      {
        columns: RESIDENTS_COLUMNS,
        from: `${RESIDENTS_FROM} AND ${filter.scope.sql}${q ? ` AND ${q.sql}` : ''}`,
        orderBy: `regexp_replace(p.full_name, '^.*\\s', ''), p.full_name, p.case_code, e.id`,
        params: { ...filter.scope.params, facilityId: filter.facilityId, today: filter.today, ...q?.params },
      },
      query,
    );
  }
}
