import type { EntityManager } from 'typeorm';
import { offsetOf, type PageQuery } from '../common/http/paging.js';

/**
 * Runs SQL written with TypeORM's named parameters (`:name`, `:...list`), the form the scope
 * predicates of `common/access/scope.ts` take, on the given manager (a transaction's, or the data
 * source's).
 */
export function queryNamed<T>(m: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = m.connection.driver.escapeQueryWithParameters(sql, params);
  return m.query(text, values);
}

/** What a page of rows is read from: the columns, the `FROM …` clause onward and the order. */
export interface PagedSelect {
  columns: string;
  from: string;
  orderBy: string;
  params: Record<string, unknown>;
}

/** One page of `SELECT columns from ORDER BY orderBy`, and how many rows there are in all. */
export async function pageOfRows<T>(m: EntityManager, select: PagedSelect, query: PageQuery): Promise<[T[], number]> {
  const [[counted], rows] = await Promise.all([
    queryNamed<{ n: number }>(m, `SELECT count(*)::int AS n ${select.from}`, select.params),
    queryNamed<T>(m, `SELECT ${select.columns} ${select.from} ORDER BY ${select.orderBy} LIMIT :pageLimit OFFSET :pageOffset`, {
      ...select.params,
      pageLimit: query.pageSize,
      pageOffset: offsetOf(query),
    }),
  ]);
  return [rows, counted.n];
}

/** The conditions of a WHERE clause, each added with its named parameters; all must hold. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(sql: string, params: Record<string, unknown> = {}): this {
    this.parts.push(sql);
    Object.assign(this.params, params);
    return this;
  }

  /** ` WHERE a AND b …`, or nothing when no condition was added. */
  get where(): string {
    return this.parts.length ? ` WHERE ${this.parts.join(' AND ')}` : '';
  }
}
