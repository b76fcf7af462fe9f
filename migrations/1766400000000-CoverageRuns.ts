import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage reports stored as counts, not as assembled JSON.
 *
 * Before: one `coverage_reports` row per unit and period holding the whole report as `jsonb` (the
 * unit's figures and every child's, ~1.3 kB), so the monthly job wrote 3,526 JSON documents (4.6 MB
 * parsed into `jsonb`) and each child's figures were stored twice (in its own report and in its
 * parent's).
 *
 * After: a computation is a `coverage_runs` row (its period, as-of day, job and time) with one
 * `coverage_counts` row of plain integers per unit it counted (the unit as it was then: code, name,
 * level, parent, population), `reported` for the units whose report it stores (every unit for the
 * monthly job; the unit asked for, not its children, for a request). `coverage_reports` becomes a
 * view: per unit and period, the newest run that reported it. A report is assembled from the unit's
 * counts row and its children's rows of that run. Storing a run deletes the older runs of its period
 * whose every reported unit it reports again, with their counts. The runs of a period are few (the
 * monthly job's and those of requests since), so the newest for a unit is found from the period.
 *
 * up() converts every stored report (its own figures and its children's become the counts of a run
 * of its own); down() assembles the JSON again from the counts.
 */
export class CoverageRuns1766400000000 implements MigrationInterface {
  name = 'CoverageRuns1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coverage_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_from date NOT NULL,
        period_to date NOT NULL,
        as_of date NOT NULL,
        job_id text,
        computed_at timestamptz NOT NULL,
        CONSTRAINT ck_coverage_runs_period CHECK (period_to >= period_from)
      )`);
    await q.query(`CREATE INDEX ix_coverage_runs_period ON coverage_runs (period_from, period_to, computed_at)`);
    await q.query(`
      CREATE TABLE coverage_counts (
        -- No foreign key: checking it costs a trigger call per row (3,526 a monthly run); rows are
        -- written and deleted with their run by ReportsRepository alone.
        run_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        reported boolean NOT NULL,
        parent_id uuid,
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL,
        population integer,
        with_files integer NOT NULL,
        reached integer NOT NULL,
        community integer NOT NULL,
        methadone integer NOT NULL,
        facility integer NOT NULL,
        counseling integer NOT NULL,
        support integer NOT NULL,
        medical integer NOT NULL,
        supervised integer NOT NULL,
        supported integer NOT NULL,
        held integer NOT NULL,
        treated integer NOT NULL,
        people_with_files integer NOT NULL,
        PRIMARY KEY (run_id, unit_id)
      )`);
    await q.query(`CREATE INDEX ix_coverage_counts_parent ON coverage_counts (run_id, parent_id)`);

    // Every stored report becomes a run of its own: its unit's counts and its children's.
    await q.query(`
      CREATE TEMPORARY TABLE coverage_conversion AS
      SELECT r.id AS report_id, gen_random_uuid() AS run_id, r.period_from, r.period_to,
             COALESCE((r.result->>'asOf')::date, LEAST(r.period_to, r.computed_at::date)) AS as_of, r.result,
             u.parent_id
        FROM coverage_reports r LEFT JOIN admin_units u ON u.id = r.unit_id`);
    await q.query(`
      INSERT INTO coverage_runs (id, period_from, period_to, as_of, job_id, computed_at)
      SELECT c.run_id, c.period_from, c.period_to, c.as_of, r.job_id, r.computed_at
        FROM coverage_conversion c JOIN coverage_reports r ON r.id = c.report_id`);
    const counts = (figures: string, reported: boolean, parent: string) => `
      SELECT c.run_id, (${figures}->'unit'->>'id')::uuid, ${reported}, ${parent}, ${figures}->'unit'->>'code', ${figures}->'unit'->>'name',
             ${figures}->'unit'->>'level', (${figures}->'unit'->>'population')::int,
             (${figures}->>'withFiles')::int, (${figures}->>'reachedServices')::int,
             (${figures}#>>'{byService,community}')::int, (${figures}#>>'{byService,methadone}')::int,
             (${figures}#>>'{byService,facility}')::int, (${figures}#>>'{byService,counseling}')::int,
             (${figures}#>>'{byService,support}')::int, (${figures}#>>'{byService,medical}')::int,
             COALESCE((${figures}#>>'{postRehab,supervised}')::int, 0), COALESCE((${figures}#>>'{postRehab,supported}')::int, 0),
             COALESCE((${figures}#>>'{detention,held}')::int, 0), COALESCE((${figures}#>>'{detention,treated}')::int, 0),
             COALESCE((${figures}#>>'{rates,peopleWithFiles}')::int, 0)`;
    const columns = `(run_id, unit_id, reported, parent_id, code, name, level, population, with_files, reached, community, methadone,
      facility, counseling, support, medical, supervised, supported, held, treated, people_with_files)`;
    await q.query(`INSERT INTO coverage_counts ${columns} ${counts('c.result', true, 'c.parent_id')} FROM coverage_conversion c`);
    await q.query(`
      INSERT INTO coverage_counts ${columns}
      ${counts('ch.value', false, `(c.result->>'unitId')::uuid`)}
        FROM coverage_conversion c CROSS JOIN LATERAL jsonb_array_elements(COALESCE(c.result->'children', '[]'::jsonb)) AS ch(value)
      ON CONFLICT DO NOTHING`);
    await q.query(`DROP TABLE coverage_conversion`);
    await q.query(`DROP TABLE coverage_reports`);
    await q.query(VIEW);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER VIEW coverage_reports RENAME TO coverage_reports_view`);
    await q.query(`
      CREATE TABLE coverage_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES admin_units(id),
        period_from date NOT NULL,
        period_to date NOT NULL,
        result jsonb,
        job_id text,
        computed_at timestamptz NOT NULL,
        run_id uuid,
        CONSTRAINT uq_coverage_reports_period UNIQUE (unit_id, period_from, period_to),
        CONSTRAINT ck_coverage_reports_period CHECK (period_to >= period_from)
      )`);
    await q.query(`
      INSERT INTO coverage_reports (unit_id, period_from, period_to, job_id, computed_at, run_id)
      SELECT v.unit_id, v.period_from, v.period_to, v.job_id, v.computed_at, v.run_id
        FROM coverage_reports_view v WHERE EXISTS (SELECT 1 FROM admin_units u WHERE u.id = v.unit_id)`);
    await q.query(`DROP VIEW coverage_reports_view`);
    // The JSON of a report as the service assembled it (children ordered by name, then code).
    const figures = (c: string) => `jsonb_build_object(
        'unit', jsonb_build_object('id', ${c}.unit_id, 'code', ${c}.code, 'name', ${c}.name, 'level', ${c}.level, 'population', ${c}.population),
        'withFiles', ${c}.with_files, 'reachedServices', ${c}.reached,
        'share', CASE WHEN ${c}.with_files > 0 THEN ${c}.reached::float8 / ${c}.with_files ELSE 0 END, 'target', 0.8,
        'byService', jsonb_build_object('community', ${c}.community, 'methadone', ${c}.methadone, 'facility', ${c}.facility,
                                        'counseling', ${c}.counseling, 'support', ${c}.support, 'medical', ${c}.medical),
        'postRehab', jsonb_build_object('supervised', ${c}.supervised, 'supported', ${c}.supported,
                                        'share', CASE WHEN ${c}.supervised > 0 THEN ${c}.supported::float8 / ${c}.supervised ELSE 0 END, 'target', 0.9),
        'detention', jsonb_build_object('held', ${c}.held, 'treated', ${c}.treated,
                                        'share', CASE WHEN ${c}.held > 0 THEN ${c}.treated::float8 / ${c}.held ELSE 0 END, 'target', 1),
        'rates', CASE WHEN ${c}.population > 0 THEN jsonb_build_object(
          'population', ${c}.population, 'peopleWithFiles', ${c}.people_with_files,
          'filesPer1000', ${c}.people_with_files * 1000::float8 / ${c}.population, 'drugComplexThreshold', 0.005,
          'drugComplexCriterion', ${c}.people_with_files * 1000 >= ${c}.population * 5) END)`;
    await q.query(`
      UPDATE coverage_reports r
         SET result = ${figures('own')} || jsonb_build_object(
               'unitId', r.unit_id, 'from', to_char(run.period_from, 'YYYY-MM-DD'), 'to', to_char(run.period_to, 'YYYY-MM-DD'),
               'asOf', to_char(run.as_of, 'YYYY-MM-DD'),
               'children', COALESCE((SELECT jsonb_agg(${figures('ch')} ORDER BY ch.name, ch.code)
                                       FROM coverage_counts ch WHERE ch.run_id = r.run_id AND ch.parent_id = r.unit_id), '[]'::jsonb))
        FROM coverage_runs run, coverage_counts own
       WHERE run.id = r.run_id AND own.run_id = r.run_id AND own.unit_id = r.unit_id`);
    await q.query(`ALTER TABLE coverage_reports ALTER COLUMN result SET NOT NULL`);
    await q.query(`ALTER TABLE coverage_reports DROP COLUMN run_id`);
    await q.query(`DROP TABLE coverage_counts`);
    await q.query(`DROP TABLE coverage_runs`);
  }
}

/** The stored reports: per unit and period, the newest run that reported the unit. */
const VIEW = `
CREATE VIEW coverage_reports AS
SELECT DISTINCT ON (c.unit_id, r.period_from, r.period_to)
       c.unit_id, r.period_from, r.period_to, r.id AS run_id, r.job_id, r.computed_at
  FROM coverage_runs r JOIN coverage_counts c ON c.run_id = r.id AND c.reported
 ORDER BY c.unit_id, r.period_from, r.period_to, r.computed_at DESC, r.id`;
