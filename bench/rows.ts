import type pg from 'pg';

/**
 * Column buffers written with `INSERT … SELECT FROM unnest($1::type[], …)`: one statement carries
 * thousands of rows as a handful of array parameters, which PostgreSQL parses far faster than as
 * many VALUES tuples. Array literals are built here (pg's own serializer escapes every element).
 */

export type ColumnType = 'uuid' | 'text' | 'date' | 'int' | 'bool' | 'numeric' | 'bytea' | 'timestamptz' | 'jsonb' | 'text_list';

type Value = string | number | boolean | Buffer | null;

const ROWS_PER_STATEMENT = 5_000;

const quote = (s: string) => `"${s.replace(/[\\"]/g, '\\$&')}"`;

function element(type: ColumnType, v: Value): string {
  if (v === null) return 'NULL';
  switch (type) {
    case 'uuid':
    case 'date':
    case 'int':
    case 'numeric':
    case 'timestamptz':
      return String(v);
    case 'bool':
      return v ? 't' : 'f';
    case 'bytea':
      return `\\\\x${(v as Buffer).toString('hex')}`;
    default:
      return quote(String(v));
  }
}

function arrayLiteral(type: ColumnType, values: Value[], from: number, to: number): string {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = element(type, values[i]);
  return `{${parts.join(',')}}`;
}

const sqlType = (t: ColumnType) => (t === 'text_list' ? 'text' : t);

export class Rows {
  readonly columns: string[];
  readonly types: ColumnType[];
  private data: Value[][];
  /** Rows written by this buffer over its whole life. */
  written = 0;

  constructor(
    readonly table: string,
    spec: readonly (readonly [string, ColumnType])[],
  ) {
    this.columns = spec.map(([c]) => c);
    this.types = spec.map(([, t]) => t);
    this.data = spec.map(() => []);
  }

  get length(): number {
    return this.data[0].length;
  }

  push(...values: Value[]): void {
    for (let i = 0; i < values.length; i++) this.data[i].push(values[i]);
  }

  /** Changes one buffered value. */
  set(index: number, column: string, value: Value): void {
    this.data[this.columns.indexOf(column)][index] = value;
  }

  /** Inserts the buffered rows and empties the buffer. */
  async flush(client: pg.ClientBase): Promise<number> {
    const n = this.length;
    if (!n) return 0;
    const names = this.columns.map((_, i) => `c${i}`);
    const select = this.types.map((t, i) => (t === 'text_list' ? `string_to_array(c${i}, ',')` : `c${i}`));
    const sql =
      `INSERT INTO ${this.table} (${this.columns.join(', ')}) SELECT ${select.join(', ')} FROM unnest(` +
      this.types.map((t, i) => `$${i + 1}::${sqlType(t)}[]`).join(', ') +
      `) AS x(${names.join(', ')})`;
    for (let from = 0; from < n; from += ROWS_PER_STATEMENT) {
      const to = Math.min(n, from + ROWS_PER_STATEMENT);
      await client.query(
        sql,
        this.types.map((t, i) => arrayLiteral(t, this.data[i], from, to)),
      );
    }
    this.data = this.columns.map(() => []);
    this.written += n;
    return n;
  }
}
