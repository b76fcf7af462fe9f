import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  commonImportsOfModules,
  createdTables,
  entityTables,
  schemaTables,
  sourceFiles,
  violationKey,
  violationsOf,
  type Violation,
} from '../test/support/table-ownership.js';
import { READ_GRANTS, TABLE_OWNERS } from './database/table-owners.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = sourceFiles(ROOT);
const entities = entityTables(sources);

/**
 * Violations still to convert to their owners' repositories. The list may only shrink: a violation
 * not listed fails, and so does a listed one that no longer occurs.
 */
const PENDING: readonly string[] = [];

/** `src/common` may import nothing from `src/modules` (none does). */
const PENDING_COMMON_IMPORTS: readonly string[] = [];

function allViolations(): Violation[] {
  return [...sources].flatMap(([file, text]) => violationsOf(file, text, entities));
}

const describeViolation = (v: Violation) =>
  `${v.file}:${v.line} ${v.write ? 'writes' : 'reads'} ${v.table}, owned by ${v.owner} (module ${v.module})`;

describe('table ownership', () => {
  it('knows every table an entity maps', () => {
    expect([...entities.values()].filter((t) => !(t in TABLE_OWNERS))).toEqual([]);
    expect(entities.get('Person')).toBe('persons');
  });

  it('knows every table the migrations create, mapped by an entity or not, and no other', () => {
    const schema = schemaTables(ROOT);
    expect([...schema].filter((t) => !(t in TABLE_OWNERS))).toEqual([]);
    expect(Object.keys(TABLE_OWNERS).filter((t) => !schema.has(t))).toEqual([]);
  });

  it('grants reads only on known tables, each with a reason', () => {
    for (const g of READ_GRANTS) {
      expect(g.reason.length).toBeGreaterThan(10);
      for (const t of g.tables) expect(TABLE_OWNERS[t]).not.toBe(g.module);
    }
  });

  it('no module names a table it does not own, beyond its read grants', () => {
    const found = allViolations();
    const unexpected = found.filter((v) => !PENDING.includes(violationKey(v))).map(describeViolation);
    expect(unexpected).toEqual([]);
  });

  it('every PENDING entry still occurs (the list only shrinks)', () => {
    const keys = new Set(allViolations().map(violationKey));
    expect(PENDING.filter((p) => !keys.has(p))).toEqual([]);
  });

  it('src/common imports nothing from src/modules', () => {
    const found = commonImportsOfModules(sources);
    expect(found.filter((f) => !PENDING_COMMON_IMPORTS.includes(f))).toEqual([]);
    expect(PENDING_COMMON_IMPORTS.filter((p) => !found.includes(p))).toEqual([]);
  });
});

describe('the ownership check itself', () => {
  const check = (file: string, text: string) => violationsOf(file, text, entities).map(violationKey);

  it('fails on raw SQL writing another module\'s table', () => {
    const text = "export const q = `UPDATE persons SET version = version + 1 WHERE id = $1`;";
    expect(check('src/modules/reminders/x.ts', text)).toEqual(['src/modules/reminders/x.ts: persons (write)']);
    expect(check('src/modules/persons/x.ts', text)).toEqual([]);
  });

  it('fails on a write even where a read is granted', () => {
    expect(check('src/modules/reports/x.ts', "q('INSERT INTO follow_ups (id) VALUES ($1)')")).toEqual([
      'src/modules/reports/x.ts: follow_ups (write)',
    ]);
    expect(check('src/modules/reports/x.ts', "q('SELECT 1 FROM follow_ups f JOIN persons p ON p.id = f.person_id')")).toEqual([]);
  });

  it('fails on an ungranted read, in a template with substitutions', () => {
    const text = 'const q = (w: string) => `SELECT p.id FROM admin_units u JOIN persons p ON ${w} WHERE true`;';
    expect(check('src/modules/imports/x.ts', text)).toEqual([
      'src/modules/imports/x.ts: admin_units (read)',
      'src/modules/imports/x.ts: persons (read)',
    ]);
  });

  it('fails on entity-manager and QueryBuilder calls with another module\'s entity or table', () => {
    const text = [
      'await m.update(Person, { id }, { version: 2 });',
      "const n = await m.createQueryBuilder().select('1').from('users', 'u').getCount();",
      'await m.createQueryBuilder().delete().from(MethadoneDose).execute();',
      'const r = this.db.getRepository(Enrollment);',
    ].join('\n');
    expect(check('src/modules/relapse/x.ts', text)).toEqual([
      'src/modules/relapse/x.ts: persons (write)',
      'src/modules/relapse/x.ts: users (read)',
      'src/modules/relapse/x.ts: methadone_doses (write)',
      'src/modules/relapse/x.ts: enrollments (write)',
    ]);
  });

  it('ignores comments, English prose and tables it does not know', () => {
    const text = [
      '// UPDATE persons SET nothing',
      "const msg = 'moved from persons of another commune';",
      "const q = 'SELECT 1 FROM pg_database';",
    ].join('\n');
    expect(check('src/modules/tasks/x.ts', text)).toEqual([]);
  });

  it('reads the tables a migration creates', () => {
    const text = "await q.query(`CREATE TABLE drug_tests (id uuid)`);\nawait q.query('CREATE TABLE IF NOT EXISTS public.rate_counters (k text)');";
    expect(createdTables(text)).toEqual(['drug_tests', 'rate_counters']);
  });

  it('finds common importing a module', () => {
    const found = commonImportsOfModules(new Map([['src/common/x/y.ts', "import type { Role } from '../../modules/users/user.entity.js';"]]));
    expect(found).toEqual(['src/common/x/y.ts -> ../../modules/users/user.entity.js']);
  });
});
