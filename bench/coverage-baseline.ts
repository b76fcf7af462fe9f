/**
 * The coverage figures of SPEC 8 in one hand-written statement, the baseline the service's
 * coverage computation is measured against. It is written independently of
 * src/modules/reports/coverage.sql.ts (the benchmark checks the two agree, figure by figure) and
 * differs in one respect: people are counted per residence unit first, and only those few
 * thousand sums are rolled up to every ancestor, instead of rolling up every person.
 *
 * People are taken with the residence, status and detention of their history span in force on the
 * as-of date (the period's end, or today if earlier).
 *
 * $1 from, $2 to, $3 as-of date, $4 LIKE pattern of the subtree (NULL: the whole country),
 * $5 the units wanted (NULL: every unit). Returns the columns of `UnitCounts`.
 */
export const BASELINE_COUNTS_SQL = `
WITH scoped AS (
  SELECT p.id, h.residence_unit_id, h.status, p.registered_on, p.closed_on, p.close_reason, h.in_detention
    FROM person_history h JOIN persons p ON p.id = h.person_id
   WHERE h.valid_from <= $3::date AND (h.valid_to IS NULL OR h.valid_to > $3::date)
     AND ($4::text IS NULL OR h.residence_unit_id IN (SELECT r.id FROM admin_units r WHERE r.path LIKE $4::text))
),
enrolled AS (
  SELECT e.person_id,
         bool_or(e.type = 'community') FILTER (WHERE e.start_date <= $2::date AND COALESCE(e.end_date, 'infinity') >= $1::date) AS community,
         bool_or(e.type = 'methadone') FILTER (WHERE e.start_date <= $2::date AND COALESCE(e.end_date, 'infinity') >= $1::date) AS methadone,
         bool_or(e.type = 'facility') FILTER (WHERE e.start_date <= $2::date AND COALESCE(e.end_date, 'infinity') >= $1::date) AS facility,
         bool_or(e.type = 'detention' AND e.start_date <= $3::date AND COALESCE(e.end_date, 'infinity') >= $3::date) AS detention_on_day,
         bool_or(e.type = 'detention') FILTER (WHERE e.start_date <= $2::date AND COALESCE(e.end_date, 'infinity') >= $1::date) AS detention_in_period,
         bool_or(e.start_date <= $2::date AND COALESCE(e.end_date, 'infinity') >= $1::date) AS any_in_period
    FROM enrollments e
   WHERE e.start_date <= GREATEST($2::date, $3::date) AND COALESCE(e.end_date, 'infinity') >= LEAST($1::date, $3::date)
     AND ($4::text IS NULL OR e.person_id IN (SELECT id FROM scoped))
   GROUP BY e.person_id
),
contacted AS (
  SELECT c.person_id,
         bool_or(c.type = 'counseling') AS counseling,
         bool_or(c.type = 'support') AS support,
         bool_or(c.type = 'medical') AS medical,
         bool_or(c.type IN ('support', 'counseling', 'vocational')) AS post_rehab
    FROM service_contacts c
   WHERE c.date BETWEEN $1::date AND $2::date
     AND ($4::text IS NULL OR c.person_id IN (SELECT id FROM scoped))
   GROUP BY c.person_id
),
supervised AS (
  SELECT DISTINCT s.person_id
    FROM supervisions s
   WHERE s.start_date <= $2::date AND COALESCE(s.ended_on, s.end_date) >= $1::date
     AND ($4::text IS NULL OR s.person_id IN (SELECT id FROM scoped))
),
visited AS (
  SELECT DISTINCT s.person_id
    FROM visits v JOIN supervisions s ON s.id = v.supervision_id
   WHERE v.visit_date BETWEEN $1::date AND $2::date
     AND ($4::text IS NULL OR s.person_id IN (SELECT id FROM scoped))
),
person_flags AS (
  SELECT p.residence_unit_id,
         (p.registered_on <= $3::date AND (p.closed_on IS NULL OR p.closed_on >= $3::date)) AS has_file,
         (p.status = 'addicted' AND p.registered_on <= $2::date AND (p.closed_on IS NULL OR p.closed_on >= $1::date)) AS with_file,
         COALESCE(en.community, false) AS community,
         COALESCE(en.methadone, false) AS methadone,
         COALESCE(en.facility, false) AS facility,
         COALESCE(co.counseling, false) AS counseling,
         COALESCE(co.support, false) AS support,
         COALESCE(co.medical, false) AS medical,
         su.person_id IS NOT NULL AS supervised,
         (vi.person_id IS NOT NULL OR COALESCE(co.post_rehab, false)) AS supported,
         COALESCE(en.any_in_period, false) AS enrolled,
         (p.status = 'addicted' AND (
            (p.registered_on <= $3::date AND (p.closed_on IS NULL OR p.closed_on >= $3::date)
              AND (p.in_detention OR COALESCE(en.detention_on_day, false)))
            OR (p.close_reason = 'detained' AND p.closed_on BETWEEN $1::date AND $2::date))) AS held,
         (COALESCE(en.detention_on_day, false)
            OR (p.close_reason = 'detained' AND p.closed_on BETWEEN $1::date AND $2::date AND COALESCE(en.detention_in_period, false))) AS treated_there
    FROM scoped p
    LEFT JOIN enrolled en ON en.person_id = p.id
    LEFT JOIN contacted co ON co.person_id = p.id
    LEFT JOIN supervised su ON su.person_id = p.id
    LEFT JOIN visited vi ON vi.person_id = p.id
),
per_residence AS (
  SELECT residence_unit_id,
         count(*) FILTER (WHERE with_file) AS with_files,
         count(*) FILTER (WHERE with_file AND (enrolled OR counseling OR support OR medical)) AS reached,
         count(*) FILTER (WHERE with_file AND community) AS community,
         count(*) FILTER (WHERE with_file AND methadone) AS methadone,
         count(*) FILTER (WHERE with_file AND facility) AS facility,
         count(*) FILTER (WHERE with_file AND counseling) AS counseling,
         count(*) FILTER (WHERE with_file AND support) AS support,
         count(*) FILTER (WHERE with_file AND medical) AS medical,
         count(*) FILTER (WHERE supervised) AS supervised,
         count(*) FILTER (WHERE supervised AND supported) AS supported,
         count(*) FILTER (WHERE held) AS held,
         count(*) FILTER (WHERE held AND treated_there) AS treated,
         count(*) FILTER (WHERE has_file) AS people_with_files
    FROM person_flags
   GROUP BY residence_unit_id
),
rolled_up AS (
  SELECT a.unit_id::uuid AS unit_id,
         sum(x.with_files) AS with_files, sum(x.reached) AS reached, sum(x.community) AS community,
         sum(x.methadone) AS methadone, sum(x.facility) AS facility, sum(x.counseling) AS counseling,
         sum(x.support) AS support, sum(x.medical) AS medical, sum(x.supervised) AS supervised,
         sum(x.supported) AS supported, sum(x.held) AS held, sum(x.treated) AS treated,
         sum(x.people_with_files) AS people_with_files
    FROM per_residence x
    JOIN admin_units r ON r.id = x.residence_unit_id
   CROSS JOIN LATERAL unnest(string_to_array(rtrim(r.path, '/'), '/')) AS a(unit_id)
   GROUP BY a.unit_id
)
SELECT u.id, u.code, u.name, u.level, u.parent_id AS "parentId", u.population,
       COALESCE(y.with_files, 0)::int AS "withFiles", COALESCE(y.reached, 0)::int AS reached,
       COALESCE(y.community, 0)::int AS community, COALESCE(y.methadone, 0)::int AS methadone,
       COALESCE(y.facility, 0)::int AS facility, COALESCE(y.counseling, 0)::int AS counseling,
       COALESCE(y.support, 0)::int AS support, COALESCE(y.medical, 0)::int AS medical,
       COALESCE(y.supervised, 0)::int AS supervised, COALESCE(y.supported, 0)::int AS supported,
       COALESCE(y.held, 0)::int AS held, COALESCE(y.treated, 0)::int AS treated,
       COALESCE(y.people_with_files, 0)::int AS "peopleWithFiles"
  FROM admin_units u
  LEFT JOIN rolled_up y ON y.unit_id = u.id
 WHERE $5::uuid[] IS NULL OR u.id = ANY($5::uuid[])
 ORDER BY u.path`;

/**
 * The trends case's data: the latest stored counts of unit $1 copied as the monthly snapshot of
 * every month from $2 to $3 (first days) that has none, each a run of its own with the job id
 * `bench-trend` (the monthly job's backfill computes them; copying keeps the case fast to set up).
 */
export const COPY_MONTHLY_SNAPSHOTS_SQL = `
WITH src AS (
  SELECT r.run_id FROM coverage_reports r WHERE r.unit_id = $1 ORDER BY r.computed_at DESC LIMIT 1
), months AS (
  SELECT m::date AS period_from, (m + interval '1 month - 1 day')::date AS period_to, gen_random_uuid() AS run_id
    FROM generate_series($2::date, $3::date, interval '1 month') AS m
   WHERE NOT EXISTS (SELECT 1 FROM coverage_reports r
                      WHERE r.unit_id = $1 AND r.period_from = m::date AND r.period_to = (m + interval '1 month - 1 day')::date)
), runs AS (
  INSERT INTO coverage_runs (id, period_from, period_to, as_of, job_id, computed_at)
  SELECT run_id, period_from, period_to, period_to, 'bench-trend', now() FROM months
)
INSERT INTO coverage_counts (run_id, unit_id, reported, parent_id, code, name, level, population, with_files, reached, community,
       methadone, facility, counseling, support, medical, supervised, supported, held, treated, people_with_files)
SELECT m.run_id, c.unit_id, true, c.parent_id, c.code, c.name, c.level, c.population, c.with_files, c.reached, c.community,
       c.methadone, c.facility, c.counseling, c.support, c.medical, c.supervised, c.supported, c.held, c.treated, c.people_with_files
  FROM months m CROSS JOIN src JOIN coverage_counts c ON c.run_id = src.run_id AND c.unit_id = $1`;

/** Removes what COPY_MONTHLY_SNAPSHOTS_SQL added (the runs' counts go with them). */
export const REMOVE_MONTHLY_SNAPSHOTS_SQL = `
WITH gone AS (DELETE FROM coverage_runs WHERE job_id = 'bench-trend' RETURNING id)
DELETE FROM coverage_counts WHERE run_id IN (SELECT id FROM gone)`;

/** The trends case's baseline: the bare select of unit $1's post-rehab share per month from $2 to $3. */
export const TREND_BASELINE_SQL = `
SELECT m.month, CASE WHEN c.supervised > 0 THEN c.supported::float8 / c.supervised ELSE 0 END AS value
  FROM generate_series($2::date, $3::date, interval '1 month') AS m(month)
  LEFT JOIN LATERAL (SELECT r.id FROM coverage_runs r JOIN coverage_counts o ON o.run_id = r.id AND o.unit_id = $1 AND o.reported
                      WHERE r.period_from = m.month::date AND r.period_to = (m.month + interval '1 month - 1 day')::date
                      ORDER BY r.computed_at DESC LIMIT 1) run ON true
  LEFT JOIN coverage_counts c ON c.run_id = run.id AND c.unit_id = $1
 ORDER BY m.month`;

/** Reading one stored report, bare: its counts rows (the unit's and its children's) with `pg`. */
export const STORED_REPORT_BASELINE_SQL = `
WITH run AS MATERIALIZED (
  SELECT r.* FROM coverage_runs r JOIN coverage_counts o ON o.run_id = r.id AND o.unit_id = $1 AND o.reported
   WHERE r.period_from = $2 AND r.period_to = $3
   ORDER BY r.computed_at DESC LIMIT 1)
SELECT c.*, run.as_of, run.job_id, run.computed_at FROM run JOIN coverage_counts c ON c.run_id = run.id AND c.unit_id = $1
UNION ALL
SELECT c.*, NULL, NULL, NULL FROM run JOIN coverage_counts c ON c.run_id = run.id AND c.parent_id = $1`;
