import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CoverageRuns1766400000000 } from '../../migrations/1766400000000-CoverageRuns.js';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { assembleReport, type CoverageResult, type UnitCounts } from '../../src/modules/reports/coverage.arithmetic.js';
import { ReportsRepository } from '../../src/modules/reports/reports.repository.js';
import { createDatabase, databaseUrl, dropDatabase } from '../support/databases.js';

/** The migration that stores coverage reports as the counts of their run, on a database holding JSON reports. */
describe('migration CoverageRuns', () => {
  const name = `cmtest_covruns_${randomBytes(4).toString('hex')}_${process.env.CM_TEST_RUN_ID}`;
  let ds: DataSource;
  beforeAll(async () => {
    await createDatabase(name);
  });
  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await dropDatabase(name);
  });

  const counts = (id: string, code: string, name: string, level: string, parentId: string | null, population: number | null, n: number): UnitCounts => ({
    id,
    code,
    name,
    level,
    parentId,
    population,
    withFiles: 3 * n,
    reached: 2 * n,
    community: n,
    methadone: n,
    facility: 0,
    counseling: n,
    support: 0,
    medical: n,
    supervised: n + 2,
    supported: n + 1,
    held: n,
    treated: Math.max(0, n - 1),
    peopleWithFiles: 4 * n,
  });

  it('turns each stored JSON report into a run of counts the same report is assembled from; down restores the JSON', async () => {
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CoverageRuns1766400000000));
    const old = new DataSource(dataSourceOptions(databaseUrl(name), { migrations: before, entities: [] }));
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const unit = async (code: string, nm: string, level: string, parent: { id: string; path: string } | null, population: number | null) => {
      const [row]: { id: string }[] = await old.query(
        `INSERT INTO admin_units (code, name, level, parent_id, path, population) VALUES ($1, $2, $3, $4, '', $5) RETURNING id`,
        [code, nm, level, parent?.id ?? null, population],
      );
      const path = `${parent?.path ?? ''}${row.id}/`;
      await old.query(`UPDATE admin_units SET path = $2 WHERE id = $1`, [row.id, path]);
      return { id: row.id, path };
    };
    const p = await unit('P1', 'Tỉnh Một', 'province', null, 120_000);
    const a = await unit('C1', 'Xã Đông', 'commune', p, 3_000);
    const b = await unit('C2', 'Xã Ánh', 'commune', p, null);
    const period = { from: '2025-01-01', to: '2025-01-31', asOf: '2025-01-31' };
    const reports: Record<string, CoverageResult> = {
      [p.id]: assembleReport(counts(p.id, 'P1', 'Tỉnh Một', 'province', null, 120_000, 7), [counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, 4), counts(b.id, 'C2', 'Xã Ánh', 'commune', p.id, null, 3)], period),
      [a.id]: assembleReport(counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, 4), [], period),
      [b.id]: assembleReport(counts(b.id, 'C2', 'Xã Ánh', 'commune', p.id, null, 0), [], { from: '2025-01-01', to: '2025-12-31', asOf: '2025-06-30' }),
    };
    for (const [unitId, result] of Object.entries(reports)) {
      await old.query(`INSERT INTO coverage_reports (unit_id, period_from, period_to, result, job_id, computed_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)`, [
        unitId,
        result.from,
        result.to,
        JSON.stringify(result),
        unitId === p.id ? 'job-1' : null,
        '2025-02-01T01:02:03Z',
      ]);
    }
    await old.destroy();

    ds = new DataSource(dataSourceOptions(databaseUrl(name), { entities: [] }));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const repo = new ReportsRepository(ds);
    for (const [unitId, result] of Object.entries(reports)) {
      const rows = await repo.storedCoverage(unitId, result.from, result.to);
      expect(rows).toBeDefined();
      expect(rows!.jobId).toBe(unitId === p.id ? 'job-1' : null);
      expect(rows!.computedAt.toISOString()).toBe('2025-02-01T01:02:03.000Z');
      const again = assembleReport(rows!.unit, rows!.children, { from: rows!.from, to: rows!.to, asOf: rows!.asOf });
      expect(again).toEqual(result);
    }
    // The trend reads the same counts.
    const months = await repo.monthlyCounts(p.id, '2024-12-01', '2025-01-01');
    expect(months.map((m) => [m.month, m.counts?.supported ?? null])).toEqual([
      ['2024-12', null],
      ['2025-01', 8],
    ]);

    await ds.undoLastMigration({ transaction: 'each' });
    const back: { unit_id: string; result: CoverageResult }[] = await ds.query(`SELECT unit_id, result FROM coverage_reports`);
    expect(back).toHaveLength(3);
    for (const r of back) expect(r.result).toEqual(JSON.parse(JSON.stringify(reports[r.unit_id])));
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('coverage_runs', 'coverage_counts')`);
    expect(n).toBe(0);
  });
});
