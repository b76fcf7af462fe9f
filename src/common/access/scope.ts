import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import type { Role } from './roles.js';
import { notFound } from '../errors/app-error.js';

/**
 * The one place that says which records a caller may see. Scope is applied in the query itself:
 * a list is filtered in SQL, and a single record outside scope is simply not found (404).
 *
 * - admin: everything.
 * - province_officer, commune_worker: people whose residence is in the caller's unit subtree.
 * - clinic_staff: people with a methadone enrollment at the caller's facility that is active or
 *   ended within the last STAFF_SCOPE_MONTHS (`Actor.scopeEndedSince`); others only by the lookup.
 * - facility_staff: the same for facility stays, or treatment in detention, at the caller's facility.
 */
export interface ScopePredicate {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The kinds of enrollment clinic and facility staff run (and see). Facility staff work at a
 * rehabilitation facility (stays) or at a detention facility (treatment in detention); the kind of
 * their facility decides which, as an enrollment's type must match its facility's.
 */
const ENROLLMENT_TYPES_OF_FACILITY_ROLE = { clinic_staff: ['methadone'], facility_staff: ['facility', 'detention'] } as const;

/** The kinds of enrollment clinic and facility staff run (and see); undefined for other roles. */
export function ownEnrollmentType(role: Role): readonly ('methadone' | 'facility' | 'detention')[] | undefined {
  return role === 'clinic_staff' || role === 'facility_staff' ? ENROLLMENT_TYPES_OF_FACILITY_ROLE[role] : undefined;
}

/** SQL predicate: unit `unitIdSql` lies in the caller's subtree. */
export function unitInScope(actor: Actor, unitIdSql: string): ScopePredicate {
  if (actor.role === 'admin') return { sql: 'TRUE', params: {} };
  if (!actor.unitPath) return { sql: 'FALSE', params: {} };
  return {
    sql: `EXISTS (SELECT 1 FROM admin_units scope_u WHERE scope_u.id = ${unitIdSql} AND scope_u.path LIKE :scopeUnitPath)`,
    params: { scopeUnitPath: `${actor.unitPath}%` },
  };
}

/**
 * SQL predicate: unit `unitIdSql` lies under the area whose materialized path is `path` (the path
 * is bound as a prefix, so the path index serves the match).
 */
export function unitWithinPath(unitIdSql: string, path: string): ScopePredicate {
  return {
    sql: `EXISTS (SELECT 1 FROM admin_units within_u WHERE within_u.id = ${unitIdSql} AND within_u.path LIKE :withinPath)`,
    params: { withinPath: `${path}%` },
  };
}

/** SQL predicate: the person row aliased `personAlias` (its `id` and `residence_unit_id`) is visible to the caller. */
export function personInScope(actor: Actor, personAlias: string): ScopePredicate {
  switch (actor.role) {
    case 'admin':
      return { sql: 'TRUE', params: {} };
    case 'province_officer':
    case 'commune_worker':
      return unitInScope(actor, `${personAlias}.residence_unit_id`);
    case 'clinic_staff':
    case 'facility_staff':
      return {
        sql: `EXISTS (SELECT 1 FROM enrollments scope_e WHERE scope_e.person_id = ${personAlias}.id
                 AND scope_e.facility_id = :scopeFacilityId AND scope_e.type IN (:...scopeEnrollmentTypes)
                 AND (scope_e.end_date IS NULL OR scope_e.end_date >= :scopeEndedSince::date))`,
        params: {
          scopeFacilityId: actor.facilityId,
          scopeEnrollmentTypes: ENROLLMENT_TYPES_OF_FACILITY_ROLE[actor.role],
          // Without a cut-off date (an actor not built from a request) only active enrollments count.
          scopeEndedSince: actor.scopeEndedSince ?? 'infinity',
        },
      };
  }
}

/** SQL predicate: the person whose id is `personIdSql` is visible (for rows that hold a person's id). */
export function personIdInScope(actor: Actor, personIdSql: string): ScopePredicate {
  if (actor.role === 'admin') return { sql: 'TRUE', params: {} };
  const inner = personInScope(actor, 'scope_p');
  return { sql: `EXISTS (SELECT 1 FROM persons scope_p WHERE scope_p.id = ${personIdSql} AND ${inner.sql})`, params: inner.params };
}

/**
 * What clinic and facility staff see of a person in their scope: only their own facility's rows
 * (`facilityIdSql`), and of enrollments only the kind they run (`enrollmentTypeSql`), not other
 * facilities' stays or the commune's work. Null for every other role, who see all of a visible
 * person's rows.
 */
export function ownFacilityOnly(actor: Actor, facilityIdSql: string, enrollmentTypeSql?: string): ScopePredicate | null {
  if (actor.role !== 'clinic_staff' && actor.role !== 'facility_staff') return null;
  if (!actor.facilityId) return { sql: 'FALSE', params: {} };
  if (!enrollmentTypeSql) return { sql: `${facilityIdSql} = :ownFacilityId`, params: { ownFacilityId: actor.facilityId } };
  return {
    sql: `${facilityIdSql} = :ownFacilityId AND ${enrollmentTypeSql} IN (:...ownEnrollmentTypes)`,
    params: { ownFacilityId: actor.facilityId, ownEnrollmentTypes: ENROLLMENT_TYPES_OF_FACILITY_ROLE[actor.role] },
  };
}

/** Whether a unit, given its materialized path, lies in the caller's subtree (for a unit already loaded). */
export function unitPathInScope(actor: Actor, path: string): boolean {
  return actor.role === 'admin' || (Boolean(actor.unitPath) && path.startsWith(actor.unitPath));
}

/** One row of `entity` (aliased `alias`) by id, joined to its person (`<alias>.person_id`, aliased `p`) and kept to the caller's scope. */
export function byIdInScope<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, alias: string, actor: Actor, id: string): SelectQueryBuilder<T> {
  const scope = personInScope(actor, 'p');
  return m
    .getRepository(entity)
    .createQueryBuilder(alias)
    .innerJoin('persons', 'p', `p.id = ${alias}.person_id`)
    .where(`${alias}.id = :id`, { id })
    .andWhere(scope.sql, scope.params);
}

export function whereInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, predicate: ScopePredicate): SelectQueryBuilder<T> {
  return qb.andWhere(predicate.sql, predicate.params);
}

@Injectable()
export class Access {
  constructor(private readonly db: DataSource) {}

  /**
   * The person's id and residence if the caller may see the file; otherwise 404. With `forUpdate`
   * the row is locked for the rest of the transaction.
   */
  async person(
    actor: Actor,
    personId: string,
    manager: EntityManager = this.db.manager,
    opts: { forUpdate?: boolean } = {},
  ): Promise<{ id: string; residenceUnitId: string; closedOn: string | null }> {
    const scope = personInScope(actor, 'p');
    const qb = manager
      .createQueryBuilder()
      .select(['p.id AS id', 'p.residence_unit_id AS "residenceUnitId"', 'p.closed_on AS "closedOn"'])
      .from('persons', 'p')
      .where('p.id = :personId', { personId })
      .andWhere(scope.sql, scope.params);
    if (opts.forUpdate) qb.setLock('pessimistic_write', undefined, ['p']);
    const row = isUuid(personId) ? await qb.getRawOne() : undefined;
    if (!row) throw notFound('person');
    return row;
  }

  /** 404 unless the unit exists and lies in the caller's subtree. Returns its path and level. */
  async unit(actor: Actor, unitId: string, manager: EntityManager = this.db.manager): Promise<{ id: string; path: string; level: string }> {
    const scope = unitInScope(actor, 'u.id');
    const row = isUuid(unitId)
      ? await manager
          .createQueryBuilder()
          .select(['u.id AS id', 'u.path AS path', 'u.level AS level'])
          .from('admin_units', 'u')
          .where('u.id = :unitId', { unitId })
          .andWhere(scope.sql, scope.params)
          .getRawOne()
      : undefined;
    if (!row) throw notFound('administrative unit');
    return row;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
