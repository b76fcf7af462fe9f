import { DataSource } from 'typeorm';
import { CoverageRuns1766400000000 } from '../../migrations/1766400000000-CoverageRuns.js';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { assembleReport, type CoverageResult, type UnitCounts } from '../../src/modules/reports/coverage.arithmetic.js';
import { ReportsRepository } from '../../src/modules/reports/reports.repository.js';
import { databaseUrl, migrationTestDatabase } from '../support/databases.js';

/** The migration that stores coverage reports as the counts of their run, on a database holding JSON reports. */
describe('migration CoverageRuns', () => {
  const db = migrationTestDatabase('covruns');
  const name = db.name;
  let ds: DataSource;

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

  it('turns each stored JSON report into a run of counts; runs supersede older ones; down restores the JSON', async () => {
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
    const january = { from: '2025-01-01', to: '2025-01-31', asOf: '2025-01-31' };
    const reports: Record<string, CoverageResult> = {
      [p.id]: assembleReport(counts(p.id, 'P1', 'Tỉnh Một', 'province', null, 120_000, 7), [counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, 4), counts(b.id, 'C2', 'Xã Ánh', 'commune', p.id, null, 3)], january),
      [a.id]: assembleReport(counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, 4), [], january),
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

    ds = db.ds = new DataSource(dataSourceOptions(databaseUrl(name), { entities: [] }));
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

    // Storing runs (February): a later request for one unit becomes that unit's stored report and
    // keeps the earlier run, which still holds the others'; a later run reporting every unit
    // supersedes both; a run computed earlier but stored later removes nothing newer.
    const period = { from: '2025-02-01', to: '2025-02-28', asOf: '2025-02-28', jobId: null };
    const store = (units: UnitCounts[], reported: string[], jobId: string, at: string) =>
      repo.transaction((m) => repo.storeRun(m, { ...period, jobId, computedAt: new Date(at) }, units, reported));
    const runsOfPeriod = async () =>
      ((await ds.query(`SELECT job_id FROM coverage_runs WHERE period_from = $1 AND period_to = $2 ORDER BY computed_at`, [period.from, period.to])) as { job_id: string }[]).map(
        (r) => r.job_id,
      );
    const all = (n: number) => [
      counts(p.id, 'P1', 'Tỉnh Một', 'province', null, 120_000, n + 4),
      counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, n),
      counts(b.id, 'C2', 'Xã Ánh', 'commune', p.id, null, 4),
    ];
    const stored = (unitId: string) => repo.storedCoverage(unitId, period.from, period.to);
    await store(all(1), [p.id, a.id, b.id], 'country-1', '2025-03-01T00:00:00Z');
    await store([counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, 6)], [a.id], 'one-unit', '2025-03-02T00:00:00Z');
    expect(await runsOfPeriod()).toEqual(['country-1', 'one-unit']);
    expect([(await stored(a.id))?.jobId, (await stored(a.id))?.unit.withFiles]).toEqual(['one-unit', 18]);
    expect([(await stored(p.id))?.jobId, (await stored(p.id))?.children.map((c) => c.withFiles).sort()]).toEqual(['country-1', [12, 3]]);
    await store(all(5), [p.id, a.id, b.id], 'country-2', '2025-03-03T00:00:00Z');
    expect(await runsOfPeriod()).toEqual(['country-2']);
    expect([(await stored(p.id))?.jobId, (await stored(p.id))?.unit.withFiles, (await stored(p.id))?.children.map((c) => c.withFiles).sort()]).toEqual([
      'country-2',
      27,
      [12, 15],
    ]);
    await store([counts(a.id, 'C1', 'Xã Đông', 'commune', p.id, 3_000, 1)], [a.id], 'late', '2025-03-02T12:00:00Z');
    expect(await runsOfPeriod()).toEqual(['late', 'country-2']);
    expect((await stored(a.id))?.jobId).toBe('country-2');
    const [{ n: orphans }] = await ds.query(`SELECT count(*)::int AS n FROM coverage_counts c WHERE NOT EXISTS (SELECT 1 FROM coverage_runs r WHERE r.id = c.run_id)`);
    expect(orphans).toBe(0);
    // The stored February reports go down with the rest; the January ones are checked below.
    await ds.query(`DELETE FROM coverage_counts WHERE run_id IN (SELECT id FROM coverage_runs WHERE period_from = $1)`, [period.from]);
    await ds.query(`DELETE FROM coverage_runs WHERE period_from = $1`, [period.from]);

    await ds.undoLastMigration({ transaction: 'each' });
    const back: { unit_id: string; result: CoverageResult }[] = await ds.query(`SELECT unit_id, result FROM coverage_reports`);
    expect(back).toHaveLength(3);
    for (const r of back) expect(r.result).toEqual(JSON.parse(JSON.stringify(reports[r.unit_id])));
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('coverage_runs', 'coverage_counts')`);
    expect(n).toBe(0);
  });
});
