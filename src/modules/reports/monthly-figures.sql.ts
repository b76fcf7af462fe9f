import { enrollmentActiveSql, fileOpenSql, historyAtSql } from './coverage.sql.js';

/**
 * The monthly report's figures besides those of coverage (UNIT_COUNTS_SQL gives withFiles,
 * reached, supervised, supported, held and treated), per residence commune, for the people who
 * lived in the subtree at the month's end with the status they had then. Each figure counts
 * people, except drug tests, which count tests.
 *
 * $1 from, $2 to, $3 as-of date (the month's end, or today if earlier), $4 LIKE pattern of the subtree.
 */
const FORMS = ['community', 'methadone', 'facility', 'detention'] as const;

const treatmentColumns = FORMS.map(
  (t) => `
         bool_or(e.type = '${t}' AND e.start_date BETWEEN $1::date AND $2::date) AS ${t}_started,
         bool_or(e.type = '${t}' AND ${enrollmentActiveSql('e', '$1', '$2')}) AS ${t}_active,
         bool_or(e.type = '${t}' AND e.outcome = 'completed' AND e.end_date BETWEEN $1::date AND $2::date) AS ${t}_completed`,
).join(',');

const treatmentCounts = FORMS.map(
  (t) => `
       count(*) FILTER (WHERE tr.${t}_started)::int AS "${t}Started",
       count(*) FILTER (WHERE tr.${t}_active)::int AS "${t}Active",
       count(*) FILTER (WHERE tr.${t}_completed)::int AS "${t}Completed"`,
).join(',');

export const MONTHLY_FIGURES_SQL = `
WITH people AS (
  SELECT p.id, h.residence_unit_id, h.status, p.sex, p.date_of_birth, p.registered_on,
         ${fileOpenSql('p', '$3', '$3')} AS open_at_end
    FROM person_history h
    JOIN persons p ON p.id = h.person_id
   WHERE ${historyAtSql('h', '$3')}
     AND h.residence_unit_id IN (SELECT r.id FROM admin_units r WHERE r.path LIKE $4::text)
),
treatment AS (
  SELECT e.person_id,${treatmentColumns}
    FROM enrollments e
   WHERE e.person_id IN (SELECT id FROM people)
     AND (${enrollmentActiveSql('e', '$1', '$2')})
   GROUP BY e.person_id
),
social AS (
  SELECT c.person_id,
         bool_or(c.type = 'vocational') AS vocational,
         bool_or(c.type = 'job') AS job,
         bool_or(c.type = 'loan') AS loan
    FROM service_contacts c
   WHERE c.person_id IN (SELECT id FROM people)
     AND c.date BETWEEN $1::date AND $2::date
     AND c.type IN ('vocational', 'job', 'loan')
   GROUP BY c.person_id
),
tested AS (
  SELECT s.person_id,
         bool_or(v.relapse) AS relapsed,
         count(*) FILTER (WHERE v.drug_test <> 'not_done') AS tests,
         count(*) FILTER (WHERE v.drug_test = 'positive') AS positive
    FROM visits v
    JOIN supervisions s ON s.id = v.supervision_id
   WHERE s.person_id IN (SELECT id FROM people)
     AND v.visit_date BETWEEN $1::date AND $2::date
   GROUP BY s.person_id
)
SELECT pe.residence_unit_id AS "unitId",
       count(*) FILTER (WHERE pe.open_at_end)::int AS "filesOpen",
       count(*) FILTER (WHERE pe.open_at_end AND pe.status = 'using')::int AS "filesUsing",
       count(*) FILTER (WHERE pe.open_at_end AND pe.status = 'addicted')::int AS "filesAddicted",
       count(*) FILTER (WHERE pe.open_at_end AND pe.sex = 'male')::int AS "filesMale",
       count(*) FILTER (WHERE pe.open_at_end AND pe.sex = 'female')::int AS "filesFemale",
       count(*) FILTER (WHERE pe.open_at_end AND pe.date_of_birth > $3::date - interval '18 years')::int AS "ageUnder18",
       count(*) FILTER (WHERE pe.open_at_end AND pe.date_of_birth <= $3::date - interval '18 years'
                          AND pe.date_of_birth > $3::date - interval '30 years')::int AS "age18to29",
       count(*) FILTER (WHERE pe.open_at_end AND pe.date_of_birth <= $3::date - interval '30 years'
                          AND pe.date_of_birth > $3::date - interval '50 years')::int AS "age30to49",
       count(*) FILTER (WHERE pe.open_at_end AND pe.date_of_birth <= $3::date - interval '50 years')::int AS "age50plus",
       count(*) FILTER (WHERE pe.registered_on BETWEEN $1::date AND $2::date)::int AS "filesRegistered",${treatmentCounts},
       count(*) FILTER (WHERE so.vocational)::int AS vocational,
       count(*) FILTER (WHERE so.job)::int AS jobs,
       count(*) FILTER (WHERE so.loan)::int AS loans,
       count(*) FILTER (WHERE te.relapsed)::int AS relapses,
       COALESCE(sum(te.tests), 0)::int AS "drugTests",
       COALESCE(sum(te.positive), 0)::int AS "drugTestsPositive"
  FROM people pe
  LEFT JOIN treatment tr ON tr.person_id = pe.id
  LEFT JOIN social so ON so.person_id = pe.id
  LEFT JOIN tested te ON te.person_id = pe.id
 GROUP BY pe.residence_unit_id`;
