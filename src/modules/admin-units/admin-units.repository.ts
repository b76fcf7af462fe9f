import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import { Conditions, pageOfRows } from '../../database/sql.js';
import type { AdminUnitQuery } from './dto/admin-unit.dto.js';

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * A province, district or commune. `path` is the materialized path of ids from the root
 * (`<province>/<district>/<commune>/`), so "inside this subtree" is one indexed prefix match.
 */
export interface AdminUnitRow {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
  population: number | null;
}

const COLUMNS = `id, code, name, level, parent_id AS "parentId", path, population`;

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

  async findById(id: string, m?: EntityManager): Promise<AdminUnitRow | null> {
    const [row]: AdminUnitRow[] = await this.em(m).query(`SELECT ${COLUMNS} FROM admin_units WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The unit, locked for an edit. */
  async lock(m: EntityManager, id: string): Promise<AdminUnitRow | null> {
    const [row]: AdminUnitRow[] = await m.query(`SELECT ${COLUMNS} FROM admin_units WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async exists(id: string, m?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.em(m).query(`SELECT 1 FROM admin_units WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async codeTaken(m: EntityManager, code: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM admin_units WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  async insert(m: EntityManager, u: AdminUnitRow): Promise<void> {
    await m.query(`INSERT INTO admin_units (id, code, name, level, parent_id, path, population) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      u.id,
      u.code,
      u.name,
      u.level,
      u.parentId,
      u.path,
      u.population,
    ]);
  }

  async update(m: EntityManager, id: string, changes: Pick<AdminUnitRow, 'name' | 'population'>): Promise<void> {
    await m.query(`UPDATE admin_units SET name = $2, population = $3 WHERE id = $1`, [id, changes.name, changes.population]);
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
  list(query: AdminUnitQuery, withinPath: string | undefined): Promise<[AdminUnitRow[], number]> {
    const c = new Conditions();
    if (query.parentId) c.add('parent_id = :parentId', { parentId: query.parentId });
    if (query.level) c.add('level = :level', { level: query.level });
    // The prefix is bound as a value so the path index (text_pattern_ops) serves the match.
    if (withinPath !== undefined) c.add('path LIKE :prefix', { prefix: `${withinPath}%` });
    if (query.q) c.add('(code ILIKE :q OR name ILIKE :q)', { q: `%${escapeLike(query.q.normalize('NFC'))}%` });
    return pageOfRows<AdminUnitRow>(this.db.manager, { columns: COLUMNS, from: `FROM admin_units${c.where}`, orderBy: 'path', params: c.params }, query);
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
