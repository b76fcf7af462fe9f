import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ScopePredicate } from '../../common/access/scope.js';
import type { IsoDate } from '../../common/time/dates.js';
import type { UnitCounts } from './coverage.arithmetic.js';
import { fileOpenSql, historyAtSql, reachedSql, UNIT_COUNTS_SQL } from './coverage.sql.js';
import type { MonthlyFigures } from './monthly-figures.js';
import { MONTHLY_FIGURES_SQL } from './monthly-figures.sql.js';

/**
 * Every statement of the reports module: the tables it owns (coverage_runs, coverage_counts and the
 * view coverage_reports over them, monthly_reports, monthly_report_notices) and its analytic reads over persons,
 * their history, enrollments, contacts and supervisions (a declared read grant: the counting
 * statements stay whole, set-based SQL; see coverage.sql.ts and monthly-figures.sql.ts).
 */

/** A unit as the reports read it. */
export interface ReportUnit {
  id: string;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: string | null;
  population: number | null;
}

/** A stored coverage report: its row, its run's as-of day and the counts it is assembled from. */
export interface StoredCoverageRows {
  unitId: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  jobId: string | null;
  computedAt: Date;
  unit: UnitCounts;
  children: UnitCounts[];
}

/** A submitted version of a commune's monthly report. */
export interface MonthlyVersionRow {
  id: string;
  unit_id: string;
  version: number;
  figures: MonthlyFigures;
  comment: string | null;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: Date;
}

export interface NoticeRow {
  id: string;
  kind: string;
  unit_id: string;
  code: string;
  name: string;
  level: string;
  month: string;
  created_at: Date;
  submitted: boolean;
}

export interface UnreachedPerson {
  id: string;
  caseCode: string;
  fullName: string;
  residenceUnitId: string;
  residenceUnitName: string;
  /** Latest enrollment start or service contact (any type), at any time; null if none ever. */
  lastServiceDate: IsoDate | null;
}

/**
 * The run holding the stored report of a unit and period (the newest that reported the unit), as
 * a subquery giving `id, as_of, job_id, computed_at`: the view coverage_reports, written out so it
 * can be a LATERAL join.
 */
const newestRunSql = (unit: string, from: string, to: string) => `
  SELECT r.id, r.as_of, r.job_id, r.computed_at
    FROM coverage_runs r JOIN coverage_counts o ON o.run_id = r.id AND o.unit_id = ${unit} AND o.reported
   WHERE r.period_from = ${from} AND r.period_to = ${to}
   ORDER BY r.computed_at DESC, r.id LIMIT 1`;

const UNIT_COLUMNS = `id, code, name, level, path, parent_id AS "parentId", population`;

/** A coverage_counts row (alias `c`) as `UnitCounts`. */
const COUNTS_COLUMNS = `c.unit_id AS id, c.code, c.name, c.level, c.parent_id AS "parentId", c.population,
       c.with_files AS "withFiles", c.reached, c.community, c.methadone, c.facility, c.counseling, c.support, c.medical,
       c.supervised, c.supported, c.held, c.treated, c.people_with_files AS "peopleWithFiles"`;

/** The integer columns of coverage_counts, in the order of `UnitCounts` (after the unit's own fields). */
const COUNT_FIELDS = [
  'withFiles',
  'reached',
  'community',
  'methadone',
  'facility',
  'counseling',
  'support',
  'medical',
  'supervised',
  'supported',
  'held',
  'treated',
  'peopleWithFiles',
] as const satisfies readonly (keyof UnitCounts)[];

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  // ---- units ----

  async unit(unitId: string, m: EntityManager = this.db.manager): Promise<ReportUnit | undefined> {
    const [row]: ReportUnit[] = await m.query(`SELECT ${UNIT_COLUMNS} FROM admin_units WHERE id = $1`, [unitId]);
    return row;
  }

  /** The unit and its direct children's ids. */
  async unitAndChildren(m: EntityManager, unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM admin_units WHERE id = $1 OR parent_id = $1`, [unitId]);
    return rows.map((r) => r.id);
  }

  /** Units of a subtree (path prefix), communes or the levels above them, in path order. */
  async unitsUnder(m: EntityManager, path: string, communes: boolean): Promise<ReportUnit[]> {
    return m.query(
      `SELECT ${UNIT_COLUMNS} FROM admin_units WHERE path LIKE $1 AND ${communes ? `level = 'commune'` : `level <> 'commune'`} ORDER BY path`,
      [`${path}%`],
    );
  }

  /** Locks a unit's row for the rest of the transaction. */
  async lockUnit(m: EntityManager, unitId: string): Promise<void> {
    await m.query(`SELECT 1 FROM admin_units WHERE id = $1 FOR UPDATE`, [unitId]);
  }

  // ---- coverage: counting ----

  /**
   * Runs the counting statement of SPEC 8 (`UNIT_COUNTS_SQL`, parameters as documented there) in
   * the caller's transaction, without JIT compilation for the rest of it: the planner's estimates
   * for this statement are far off (hundreds of billions of rows), so PostgreSQL would spend
   * 0.5-0.8 s compiling it on every run, more than the query itself takes.
   */
  async countUnits(
    m: EntityManager,
    params: [from: IsoDate, to: IsoDate, asOf: IsoDate, subtree: string | null, units: string[] | null],
  ): Promise<UnitCounts[]> {
    await m.query(`SET LOCAL jit = off`);
    return m.query(UNIT_COUNTS_SQL, params);
  }

  /** The monthly report's further figures per residence commune (MONTHLY_FIGURES_SQL). */
  monthlyFigures(m: EntityManager, params: [from: IsoDate, to: IsoDate, asOf: IsoDate, subtree: string]): Promise<({ unitId: string } & Partial<MonthlyFigures>)[]> {
    return m.query(MONTHLY_FIGURES_SQL, params);
  }

  /**
   * The page of a subtree's people with a file who were not reached in a period, in the caller's
   * scope, where they lived at the period's end; those never served first, then the longest unserved.
   */
  async unreached(
    m: EntityManager,
    q: { subtree: string; from: IsoDate; to: IsoDate; asOf: IsoDate; offset: number; limit: number },
    scope: ScopePredicate,
  ): Promise<{ rows: UnreachedPerson[]; total: number }> {
    const base = m
      .createQueryBuilder()
      .from('persons', 'p')
      .innerJoin('person_history', 'h', `h.person_id = p.id AND ${historyAtSql('h', ':asOf')}`, { asOf: q.asOf })
      .innerJoin('admin_units', 'r', 'r.id = h.residence_unit_id')
      .where('r.path LIKE :subtree', { subtree: `${q.subtree}%` })
      .andWhere(`h.status = 'addicted'`)
      .andWhere(fileOpenSql('p', ':from', ':to'), { from: q.from, to: q.to })
      .andWhere(`NOT ${reachedSql('p', ':from', ':to')}`)
      .andWhere(scope.sql, scope.params);
    const counted = await base.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await base
      .clone()
      .select([
        'p.id AS id',
        'p.case_code AS "caseCode"',
        'p.full_name AS "fullName"',
        'h.residence_unit_id AS "residenceUnitId"',
        'r.name AS "residenceUnitName"',
        `GREATEST((SELECT max(le.start_date) FROM enrollments le WHERE le.person_id = p.id),
                  (SELECT max(lc.date) FROM service_contacts lc WHERE lc.person_id = p.id)) AS "lastServiceDate"`,
      ])
      .orderBy('"lastServiceDate"', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.case_code', 'ASC')
      .offset(q.offset)
      .limit(q.limit)
      .getRawMany<UnreachedPerson>();
    return { rows, total: counted?.total ?? 0 };
  }

  // ---- coverage: storing and reading ----

  /**
   * Stores a computation: a run (its period, as-of day, job and time) with one counts row per unit
   * counted, `reportUnitIds` marked as the units whose stored report it now is. Older runs of the
   * period whose every reported unit this run reports again are deleted with their counts (which
   * have no foreign key: its check would cost a trigger call per row). Plain integer arrays:
   * PostgreSQL parses no JSON.
   */
  async storeRun(
    m: EntityManager,
    run: { from: IsoDate; to: IsoDate; asOf: IsoDate; jobId: string | null; computedAt: Date },
    counts: UnitCounts[],
    reportUnitIds: string[],
  ): Promise<void> {
    const [{ id: runId }]: { id: string }[] = await m.query(
      `INSERT INTO coverage_runs (period_from, period_to, as_of, job_id, computed_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [run.from, run.to, run.asOf, run.jobId, run.computedAt],
    );
    const reported = new Set(reportUnitIds);
    await m.query(
      `INSERT INTO coverage_counts (run_id, unit_id, reported, parent_id, code, name, level, population, with_files, reached,
              community, methadone, facility, counseling, support, medical, supervised, supported, held, treated, people_with_files)
       SELECT $1, * FROM unnest($2::uuid[], $3::bool[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[],
              $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[], $19::int[],
              $20::int[], $21::int[])`,
      [
        runId,
        counts.map((c) => c.id),
        counts.map((c) => reported.has(c.id)),
        counts.map((c) => c.parentId),
        counts.map((c) => c.code),
        counts.map((c) => c.name),
        counts.map((c) => c.level),
        counts.map((c) => c.population),
        ...COUNT_FIELDS.map((f) => counts.map((c) => c[f])),
      ],
    );
    await m.query(
      `WITH gone AS (
         DELETE FROM coverage_runs r
          WHERE r.period_from = $1 AND r.period_to = $2 AND r.id <> $3 AND r.computed_at <= $4
            AND NOT EXISTS (SELECT 1 FROM coverage_counts o
                             WHERE o.run_id = r.id AND o.reported
                               AND NOT EXISTS (SELECT 1 FROM coverage_counts n WHERE n.run_id = $3 AND n.unit_id = o.unit_id AND n.reported))
         RETURNING r.id)
       DELETE FROM coverage_counts WHERE run_id IN (SELECT id FROM gone)`,
      [run.from, run.to, runId, run.computedAt],
    );
  }

  /** The stored report of a unit and period, as rows; undefined when none was computed. */
  async storedCoverage(unitId: string, from: IsoDate, to: IsoDate): Promise<StoredCoverageRows | undefined> {
    const rows: (UnitCounts & { own: boolean; asOf: string; jobId: string | null; computedAt: Date })[] = await this.db.query(
      `WITH run AS MATERIALIZED (${newestRunSql('$1::uuid', '$2::date', '$3::date')})
       SELECT ${COUNTS_COLUMNS}, c.unit_id = $1 AS own, to_char(run.as_of, 'YYYY-MM-DD') AS "asOf",
              run.job_id AS "jobId", run.computed_at AS "computedAt"
         FROM run JOIN coverage_counts c ON c.run_id = run.id AND c.unit_id = $1
       UNION ALL
       SELECT ${COUNTS_COLUMNS}, false, NULL, NULL, NULL
         FROM run JOIN coverage_counts c ON c.run_id = run.id AND c.parent_id = $1`,
      [unitId, from, to],
    );
    const own = rows.find((r) => r.own);
    if (!own) return undefined;
    const counts = ({ own: _o, asOf: _a, jobId: _j, computedAt: _c, ...c }: (typeof rows)[number]): UnitCounts => c;
    return {
      unitId,
      from,
      to,
      asOf: own.asOf,
      jobId: own.jobId,
      computedAt: own.computedAt,
      unit: counts(own),
      children: rows.filter((r) => !r.own).map(counts),
    };
  }

  /** The own counts of every stored report of a period (each unit's figures, without its children). */
  storedCountsOfPeriod(from: IsoDate, to: IsoDate): Promise<UnitCounts[]> {
    return this.db.query(
      `SELECT ${COUNTS_COLUMNS} FROM coverage_reports r JOIN coverage_counts c ON c.run_id = r.run_id AND c.unit_id = r.unit_id
        WHERE r.period_from = $1 AND r.period_to = $2`,
      [from, to],
    );
  }

  /** The months (`YYYY-MM`) from `first` to `last` (first days) with no stored report of any unit. */
  async missingMonths(first: IsoDate, last: IsoDate): Promise<string[]> {
    const rows: { month: string }[] = await this.db.query(
      `SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series($1::date, $2::date, interval '1 month') AS m
        WHERE NOT EXISTS (SELECT 1 FROM coverage_runs r
                           WHERE r.period_from = m::date AND r.period_to = (m + interval '1 month - 1 day')::date)
        ORDER BY m`,
      [first, last],
    );
    return rows.map((r) => r.month);
  }

  /**
   * A unit's counts of every calendar month from `first` to `last` (first days), from the monthly
   * snapshots (stored reports whose period is a whole month); null for a month without one. Per
   * month, the unit's reported counts rows by index, their runs' periods, then the newest run's row.
   */
  async monthlyCounts(unitId: string, first: IsoDate, last: IsoDate): Promise<{ month: string; counts: UnitCounts | null }[]> {
    const rows: ({ month: string } & (UnitCounts | { id: null }))[] = await this.db.query(
      `SELECT to_char(m.month, 'YYYY-MM') AS month, ${COUNTS_COLUMNS}
         FROM generate_series($2::date, $3::date, interval '1 month') AS m(month)
         LEFT JOIN LATERAL (${newestRunSql('$1', 'm.month::date', "(m.month + interval '1 month - 1 day')::date")}) run ON true
         LEFT JOIN coverage_counts c ON c.run_id = run.id AND c.unit_id = $1
        ORDER BY m.month`,
      [unitId, first, last],
    );
    return rows.map(({ month, ...c }) => ({ month, counts: c.id === null ? null : (c as UnitCounts) }));
  }

  // ---- monthly reports ----

  /** Submitted versions of communes' month, newest first per unit (only the newest with `latestOnly`). */
  async versions(m: EntityManager, unitIds: string[], month: string, latestOnly: boolean): Promise<MonthlyVersionRow[]> {
    return m.query(
      `SELECT ${latestOnly ? 'DISTINCT ON (r.unit_id)' : ''} r.id, r.unit_id, r.version, r.figures, r.comment, r.submitted_by,
              COALESCE(u.full_name, u.username) AS submitted_by_name, r.submitted_at
         FROM monthly_reports r JOIN users u ON u.id = r.submitted_by
        WHERE r.unit_id = ANY($1::uuid[]) AND r.month = $2::date
        ORDER BY r.unit_id, r.version DESC`,
      [unitIds, `${month}-01`],
    );
  }

  /** The highest version submitted for a commune's month, 0 when none. */
  async lastVersion(m: EntityManager, unitId: string, month: string): Promise<number> {
    const [last]: { version: number | null }[] = await m.query(
      `SELECT max(version) AS version FROM monthly_reports WHERE unit_id = $1 AND month = $2::date`,
      [unitId, `${month}-01`],
    );
    return last?.version ?? 0;
  }

  async insertVersion(
    m: EntityManager,
    v: { unitId: string; month: string; version: number; figures: MonthlyFigures; comment: string | null; submittedBy: string; submittedAt: Date },
  ): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO monthly_reports (unit_id, month, version, figures, comment, submitted_by, submitted_at)
       VALUES ($1, $2::date, $3, $4::jsonb, $5, $6, $7) RETURNING id`,
      [v.unitId, `${v.month}-01`, v.version, JSON.stringify(v.figures), v.comment, v.submittedBy, v.submittedAt],
    );
    return row.id;
  }

  /** Raises a month's notices (idempotent): every commune for `report_due`, those without a submission for `report_overdue`. */
  async raiseNotices(kind: 'report_due' | 'report_overdue', month: string, now: Date): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO monthly_report_notices (kind, unit_id, month, created_at)
       SELECT $1, u.id, $2::date, $3 FROM admin_units u
        WHERE u.level = 'commune'
          AND ($1 = 'report_due' OR NOT EXISTS (SELECT 1 FROM monthly_reports r WHERE r.unit_id = u.id AND r.month = $2::date))
       ON CONFLICT ON CONSTRAINT uq_monthly_report_notices_once DO NOTHING
       RETURNING id`,
      [kind, `${month}-01`, now],
    );
    return rows.length;
  }

  /** A page of notices of some kinds in a subtree (path LIKE pattern), optionally of one month, and their total. */
  async notices(q: { kinds: string[]; pattern: string; month: string | null; offset: number; limit: number }): Promise<{ rows: NoticeRow[]; total: number }> {
    const params = [q.kinds, q.pattern, q.month ? `${q.month}-01` : null];
    const where = `n.kind = ANY($1::text[]) AND u.path LIKE $2 AND ($3::date IS NULL OR n.month = $3::date)`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT n.id, n.kind, u.id AS unit_id, u.code, u.name, u.level, to_char(n.month, 'YYYY-MM') AS month, n.created_at,
                EXISTS (SELECT 1 FROM monthly_reports r WHERE r.unit_id = n.unit_id AND r.month = n.month) AS submitted
           FROM monthly_report_notices n JOIN admin_units u ON u.id = n.unit_id
          WHERE ${where}
          ORDER BY n.month DESC, n.kind, u.path OFFSET $4 LIMIT $5`,
        [...params, q.offset, q.limit],
      ) as Promise<NoticeRow[]>,
      this.db.query(`SELECT count(*)::int AS total FROM monthly_report_notices n JOIN admin_units u ON u.id = n.unit_id WHERE ${where}`, params) as Promise<
        { total: number }[]
      >,
    ]);
    return { rows, total };
  }
}
