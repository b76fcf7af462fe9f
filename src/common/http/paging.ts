import { IntField } from './fields.js';

/** `page` from 1, `pageSize` default 20, at most 100. */
export class PageQuery {
  @IntField({ optional: true, query: true, min: 1, max: 1_000_000, default: 1 }) page = 1;
  @IntField({ optional: true, query: true, min: 1, max: 100, default: 20 }) pageSize = 20;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function page<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export const offsetOf = (query: PageQuery) => (query.page - 1) * query.pageSize;
