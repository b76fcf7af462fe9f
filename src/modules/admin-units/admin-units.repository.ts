import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import { offsetOf } from '../../common/http/paging.js';
import { AdminUnit } from './admin-unit.entity.js';
import type { AdminUnitQuery } from './dto/admin-unit.dto.js';

/** A unit as an import resolves a code or a name, with whether the caller's scope covers it. */
export interface UnitInScopeRow {
  id: string;
  code: string;
  name: string;
  level: string;
  inScope: boolean;
}

/**
 * The ids of the units on a materialized path (`<root id>/…/<unit id>/`, as `AdminUnitsService`
 * writes it): the root first, the unit itself last. A unit holds another exactly when its id is on
 * the other's path.
 */
export function unitIdsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The path of the unit whose id is `unitIdSql`, as a scalar subquery (NULL when there is none), for
 * a statement of another module that needs it in the same round trip: the caller check
 * (src/modules/users/callers.ts) reads a user and its unit's path at once.
 */
export const unitPathSql = (unitIdSql: string) => `(SELECT path FROM admin_units WHERE id = ${unitIdSql})`;

/** Every statement on `admin_units` (the area tree; `path` is the materialized path of ids). */
@Injectable()
export class AdminUnitsRepository {
  constructor(private readonly db: DataSource) {}

  private em(m?: EntityManager): EntityManager {
    return m ?? this.db.manager;
  }

  findById(id: string, m?: EntityManager): Promise<AdminUnit | null> {
    return this.em(m).findOneBy(AdminUnit, { id });
  }

  exists(id: string, m?: EntityManager): Promise<boolean> {
    return this.em(m).existsBy(AdminUnit, { id });
  }

  codeTaken(m: EntityManager, code: string): Promise<boolean> {
    return m.existsBy(AdminUnit, { code });
  }

  async insert(m: EntityManager, unit: AdminUnit): Promise<void> {
    await m.insert(AdminUnit, unit);
  }

  /** The materialized path of a unit, or undefined when there is no such unit. */
  async pathOf(unitId: string, m?: EntityManager): Promise<string | undefined> {
    const rows: { path: string }[] = await this.em(m).query(`SELECT path FROM admin_units WHERE id = $1`, [unitId]);
    return rows[0]?.path;
  }

  /** The deepest unit whose subtree holds both units (by materialized path); null when none does. */
  async deepestCommonAncestor(m: EntityManager, a: string, b: string): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `SELECT x.id FROM admin_units x, admin_units f, admin_units t
        WHERE f.id = $1 AND t.id = $2 AND f.path LIKE x.path || '%' AND t.path LIKE x.path || '%'
        ORDER BY length(x.path) DESC LIMIT 1`,
      [a, b],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Units by code (`codes` upper case, matched against the upper-cased code), any unit, each with
   * whether `scope` (a predicate over `u`) covers it.
   */
  unitsByCode(codes: string[], scope: ScopePredicate): Promise<UnitInScopeRow[]> {
    return this.withScope(scope).where('upper(u.code) IN (:...codes)', { codes }).getRawMany();
  }

  /** Every unit `scope` (a predicate over `u`) covers. */
  unitsInScope(scope: ScopePredicate): Promise<UnitInScopeRow[]> {
    return this.withScope(scope).where(scope.sql, scope.params).getRawMany();
  }

  /** The communes `scope` (a predicate over `u`) covers, by name then code, at most `limit`. */
  communesInScope(scope: ScopePredicate, limit: number): Promise<{ code: string; name: string }[]> {
    return this.db
      .createQueryBuilder()
      .select(['u.code AS code', 'u.name AS name'])
      .from('admin_units', 'u')
      .where(`u.level = 'commune'`)
      .andWhere(scope.sql, scope.params)
      .orderBy('u.name')
      .addOrderBy('u.code')
      .limit(limit)
      .getRawMany();
  }

  private withScope(scope: ScopePredicate) {
    return this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.code AS code', 'u.name AS name', 'u.level AS level'])
      .addSelect(`(${scope.sql})`, 'inScope')
      .from('admin_units', 'u')
      .setParameters(scope.params);
  }

  /** A page of units, in tree order; `withinPath` keeps those under a unit (itself included). */
  list(query: AdminUnitQuery, withinPath: string | undefined): Promise<[AdminUnit[], number]> {
    const qb = this.db.getRepository(AdminUnit).createQueryBuilder('u');
    if (query.parentId) qb.andWhere('u.parent_id = :parentId', { parentId: query.parentId });
    if (query.level) qb.andWhere('u.level = :level', { level: query.level });
    // The prefix is bound as a value so the path index (text_pattern_ops) serves the match.
    if (withinPath !== undefined) qb.andWhere('u.path LIKE :prefix', { prefix: `${withinPath}%` });
    if (query.q) {
      qb.andWhere('(u.code ILIKE :q OR u.name ILIKE :q)', { q: `%${escapeLike(query.q.normalize('NFC'))}%` });
    }
    return qb.orderBy('u.path').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
