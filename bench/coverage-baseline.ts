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
