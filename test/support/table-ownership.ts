import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { READ_GRANTS, TABLE_OWNERS } from '../../src/database/table-owners.js';

/**
 * Finds where code names a table: SQL in string and template literals, TypeORM QueryBuilder calls
 * (`.from('t')`, `.into(Entity)`) and entity-manager calls (`m.update(Entity, …)`,
 * `getRepository(Entity)`). Pure: it reads source text, never a database.
 */

export interface TableReference {
  table: string;
  /** A write (INSERT, UPDATE, DELETE, TRUNCATE, an entity-manager write or repository). */
  write: boolean;
  line: number;
}

export interface Violation extends TableReference {
  file: string;
  module: string;
  owner: string;
}

const OWNERS: Readonly<Record<string, string>> = TABLE_OWNERS;

/**
 * SQL keywords (upper case, as this code base writes SQL) followed by a table. The longer forms come
 * first so `DELETE FROM t` counts as a write, not as a read of `t`.
 */
const SQL_TABLE = /\b(INSERT\s+INTO|DELETE\s+FROM|UPDATE|TRUNCATE(?:\s+TABLE)?|ALTER\s+TABLE|LOCK\s+TABLE|FROM|JOIN|USING|INTO)\s+(?:ONLY\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/g;
const SQL_WRITES = /^(INSERT|DELETE|UPDATE|TRUNCATE|ALTER|LOCK|INTO)/;

const READ_CALLS = new Set([
  'find', 'findOne', 'findOneOrFail', 'findBy', 'findOneBy', 'findOneByOrFail', 'findAndCount', 'findAndCountBy',
  'count', 'countBy', 'exists', 'existsBy', 'sum', 'average', 'minimum', 'maximum', 'createQueryBuilder',
  'from', 'innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect', 'innerJoinAndMapOne', 'leftJoinAndMapOne',
  'innerJoinAndMapMany', 'leftJoinAndMapMany',
]);
const WRITE_CALLS = new Set([
  'insert', 'update', 'delete', 'save', 'upsert', 'softDelete', 'restore', 'increment', 'decrement', 'remove', 'create',
  'preload', 'into', 'getRepository', 'withRepository',
]);

/** The module a file belongs to: `src/modules/<m>/…` is `m`, `src/common/…` is `common`; null when not checked. */
export function moduleOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'src') return null;
  if (parts[1] === 'modules' && parts.length > 3) return parts[2];
  if (parts[1] === 'common') return 'common';
  if (parts[1] === 'database') return null; // the schema's own: migrations, the application role's grants
  return 'app';
}

/** Entity class name → table, from the `@Entity('table')` decorators of the given sources. */
export function entityTables(sources: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const text of sources.values()) {
    for (const m of text.matchAll(/@Entity\(\s*['"]([a-z_0-9]+)['"]\s*\)\s*(?:@\w+\([^)]*\)\s*)*export\s+class\s+(\w+)/g)) {
      out.set(m[2], m[1]);
    }
  }
  return out;
}

/** The tables a migration's source creates (`CREATE TABLE [IF NOT EXISTS] t`). */
export function createdTables(text: string): string[] {
  return [...text.matchAll(/\bCREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?/g)].map((m) => m[1]);
}

/** Every table the migrations under `root/migrations` create: the schema, whether an entity maps a table or not. */
export function schemaTables(root: string): Set<string> {
  const out = new Set<string>();
  for (const text of sourceFiles(root, 'migrations').values()) {
    for (const t of createdTables(text)) out.add(t);
  }
  return out;
}

/** Every table a source names, with whether it writes it. */
export function tableReferences(fileName: string, text: string, entities: ReadonlyMap<string, string>): TableReference[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const out: TableReference[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  const scanSql = (sql: string, node: ts.Node) => {
    for (const m of sql.matchAll(SQL_TABLE)) {
      if (m[2] in OWNERS) out.push({ table: m[2], write: SQL_WRITES.test(m[1]), line: lineOf(node) });
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      scanSql(node.text, node);
    } else if (ts.isTemplateExpression(node)) {
      // Substitutions become a placeholder; templates nested inside them are visited on their own.
      scanSql(node.head.text + node.templateSpans.map((s) => ` \${} ${s.literal.text}`).join(''), node);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      const table = !first
        ? undefined
        : ts.isIdentifier(first)
          ? entities.get(first.text)
          : ts.isStringLiteral(first) && first.text in OWNERS && (READ_CALLS.has(method) || WRITE_CALLS.has(method))
            ? first.text
            : undefined;
      if (table) {
        // `.delete().from(x)` deletes from x.
        const deletes = method === 'from' && /\.delete\(\s*\)\s*$/.test(node.expression.expression.getText(source));
        if (WRITE_CALLS.has(method) || deletes) out.push({ table, write: true, line: lineOf(node) });
        else if (READ_CALLS.has(method)) out.push({ table, write: false, line: lineOf(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

export function isGranted(module: string, table: string): boolean {
  return READ_GRANTS.some((g) => g.module === module && (g.tables as readonly string[]).includes(table));
}

/** The references of one file that break the ownership rule. */
export function violationsOf(file: string, text: string, entities: ReadonlyMap<string, string>): Violation[] {
  const module = moduleOf(file);
  if (module === null) return [];
  return tableReferences(file, text, entities)
    .filter((r) => OWNERS[r.table] !== module && (r.write || !isGranted(module, r.table)))
    .map((r) => ({ ...r, file, module, owner: OWNERS[r.table] }));
}

/** `src/modules/x/y.ts: persons (write)`: one key per file, table and kind, stable across edits. */
export const violationKey = (v: Pick<Violation, 'file' | 'table' | 'write'>) => `${v.file}: ${v.table} (${v.write ? 'write' : 'read'})`;

/** Every non-spec `.ts` under `dir` (a path relative to `root`), keyed by its posix path from `root`. */
export function sourceFiles(root: string, dir = 'src'): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
        out.set(relative(root, path).split(sep).join(posix.sep), readFileSync(path, 'utf8'));
      }
    }
  };
  walk(join(root, dir));
  return out;
}

/** Imports of `src/common/**` that reach into `src/modules/**`, as `file -> specifier`. */
export function commonImportsOfModules(sources: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of sources) {
    if (!file.startsWith('src/common/')) continue;
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
      const target = posix.normalize(posix.join(posix.dirname(file), m[1]));
      if (target.startsWith('src/modules/')) out.push(`${file} -> ${m[1]}`);
    }
  }
  return out;
}
