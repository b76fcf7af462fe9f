/**
 * The SQL of SPEC section 8, in one place so the report and the `unreached` list agree on what
 * "with a file" and "reached" mean. Fragments take the SQL of their parameters, so they serve both
 * positional (`$1`) and named (`:from`) queries.
 *
 * People count where they lived, and with the status they had, at the period's end (the file's
 * history, `person_history`): a person who moves or changes status later leaves a past period's
 * figures as they were. "The period's end" is the as-of date: the period's last day, or today for a
 * period not over yet.
 */

/** The span `h` of a file's history (person_history) in force on date `on`. */
export function historyAtSql(h: string, on: string): string {
  return `(${h}.valid_from <= ${on}::date AND (${h}.valid_to IS NULL OR ${h}.valid_to > ${on}::date))`;
}

/** Service contact types that count as reaching a service (vocational does not: SPEC 8). */
export const REACHING_CONTACT_TYPES = ['counseling', 'support', 'medical'] as const;
/** Service contact types that count as post-rehab support, besides a visit. */
export const POST_REHAB_CONTACT_TYPES = ['support', 'counseling', 'vocational'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The file of `p` was open at some time in [from, to]. A file merged into another is never counted:
 * it was the same person's second file, and the survivor carries its history and its dates.
 */
export function fileOpenSql(p: string, from: string, to: string): string {
  return `(${p}.registered_on <= ${to}::date AND (${p}.closed_on IS NULL OR ${p}.closed_on >= ${from}::date) AND ${p}.merged_into_id IS NULL)`;
}

/**
 * Enrollment `e` was active for at least one day of [from, to]. `end_date` is the last day of
 * treatment, so an enrollment that ended the day before `from` does not count, one ending on
 * `from` does; an enrollment without an end is still running.
 */
export function enrollmentActiveSql(e: string, from: string, to: string): string {
  return `(${e}.start_date <= ${to}::date AND COALESCE(${e}.end_date, 'infinity'::date) >= ${from}::date)`;
}

/**
 * Supervision `s` was active at some time in [from, to]. An ended supervision ends on the day it
 * was ended (`ended_on`, inclusive), earlier or later than planned; one never ended runs to its
 * planned `end_date`.
 */
export function supervisionActiveSql(s: string, from: string, to: string): string {
  return `(${s}.start_date <= ${to}::date AND COALESCE(${s}.ended_on, ${s}.end_date) >= ${from}::date)`;
}

/** Person `p` reached a service in [from, to]: an enrollment of any type, or a reaching contact. */
export function reachedSql(p: string, from: string, to: string): string {
  return `(EXISTS (SELECT 1 FROM enrollments re WHERE re.person_id = ${p}.id AND ${enrollmentActiveSql('re', from, to)})
        OR EXISTS (SELECT 1 FROM service_contacts rc WHERE rc.person_id = ${p}.id
                     AND rc.type IN (${list(REACHING_CONTACT_TYPES)}) AND rc.date BETWEEN ${from}::date AND ${to}::date))`;
}

/**
 * Counts for a set of units, each over its whole subtree, in one statement. People are counted per
 * residence unit first (every flag below is a person's, and a person has one residence unit, so
 * the per-unit counts of distinct people add up); then only those few thousand sums are rolled up
 * to every unit on the residence unit's path (its ancestors' ids and its own). A unit's figure is
 * the sum over the residence units of its subtree, each person in it exactly once; one grouping
 * gives a unit and all its children, or every unit of the country at once.
 *
 * "With a file" is `fileOpenSql` and "reached" is `reachedSql`'s rule (an enrollment of any type
 * active in the period, or a contact of a `REACHING_CONTACT_TYPES` type), built from the same
 * fragments, so the report and the `unreached` list count the same people.
 *
 * Run it with `SET LOCAL jit = off` (see `CoverageService`): its cost estimates are far off and
 * JIT compilation would cost more than the query.
 *
 * Residence, status, detention and the files counted for the population rate are taken on the
 * as-of date. `held`: status `addicted` and, with the file open, in detention (the flag) or treated
 * at a detention facility on that date; or a file closed as `detained` within the period.
 * `treated`: those of them with a `detention` enrollment active on that date (or, for a file closed
 * as detained, at some time in the period).
 *
 * $1 from, $2 to, $3 as-of date (the period's end, or today if earlier), $4 LIKE pattern of the subtree to read (or NULL for
 * everything), $5 the units wanted (or NULL for every unit).
 */
export const UNIT_COUNTS_SQL = `
WITH people AS (
  SELECT p.id, h.residence_unit_id, h.status, h.in_detention,
         ${fileOpenSql('p', '$1', '$2')} AS open_in_period,
         ${fileOpenSql('p', '$3', '$3')} AS open_at_end,
         (p.close_reason = 'detained' AND p.closed_on BETWEEN $1::date AND $2::date) AS closed_detained
    FROM person_history h
    JOIN persons p ON p.id = h.person_id
   WHERE ${historyAtSql('h', '$3')}
     AND ($4::text IS NULL
          OR h.residence_unit_id IN (SELECT r.id FROM admin_units r WHERE r.path LIKE $4::text))
),
enrolled AS (
  SELECT e.person_id,
         bool_or(${enrollmentActiveSql('e', '$1', '$2')}) AS in_period,
         bool_or(e.type = 'community' AND ${enrollmentActiveSql('e', '$1', '$2')}) AS community,
         bool_or(e.type = 'methadone' AND ${enrollmentActiveSql('e', '$1', '$2')}) AS methadone,
         bool_or(e.type = 'facility' AND ${enrollmentActiveSql('e', '$1', '$2')}) AS facility,
         bool_or(e.type = 'detention' AND ${enrollmentActiveSql('e', '$3', '$3')}) AS detention_as_of,
         bool_or(e.type = 'detention' AND ${enrollmentActiveSql('e', '$1', '$2')}) AS detention_in_period
    FROM enrollments e
   WHERE (${enrollmentActiveSql('e', '$1', '$2')} OR ${enrollmentActiveSql('e', '$3', '$3')})
     AND ($4::text IS NULL OR e.person_id IN (SELECT pe.id FROM people pe))
   GROUP BY e.person_id
),
contacted AS (
  SELECT c.person_id,
         bool_or(c.type IN (${list(REACHING_CONTACT_TYPES)})) AS reaching,
         bool_or(c.type = 'counseling') AS counseling,
         bool_or(c.type = 'support') AS support,
         bool_or(c.type = 'medical') AS medical,
         bool_or(c.type IN (${list(POST_REHAB_CONTACT_TYPES)})) AS post_rehab_support
    FROM service_contacts c
   WHERE c.date BETWEEN $1::date AND $2::date
     AND ($4::text IS NULL OR c.person_id IN (SELECT pe.id FROM people pe))
   GROUP BY c.person_id
),
supervised AS (
  SELECT DISTINCT s.person_id
    FROM supervisions s
   WHERE ${supervisionActiveSql('s', '$1', '$2')}
     AND ($4::text IS NULL OR s.person_id IN (SELECT pe.id FROM people pe))
),
visited AS (
  SELECT DISTINCT s.person_id
    FROM visits v
    JOIN supervisions s ON s.id = v.supervision_id
   WHERE v.visit_date BETWEEN $1::date AND $2::date
     AND ($4::text IS NULL OR s.person_id IN (SELECT pe.id FROM people pe))
),
flags AS (
  SELECT pe.residence_unit_id,
         pe.open_at_end,
         (pe.status = 'addicted' AND pe.open_in_period) AS with_file,
         (COALESCE(en.in_period, false) OR COALESCE(co.reaching, false)) AS reached,
         COALESCE(en.community, false) AS community,
         COALESCE(en.methadone, false) AS methadone,
         COALESCE(en.facility, false) AS facility,
         COALESCE(co.counseling, false) AS counseling,
         COALESCE(co.support, false) AS support,
         COALESCE(co.medical, false) AS medical,
         (sv.person_id IS NOT NULL) AS supervised,
         (vi.person_id IS NOT NULL OR COALESCE(co.post_rehab_support, false)) AS post_rehab_supported,
         (pe.status = 'addicted'
          AND ((pe.open_at_end AND (pe.in_detention OR COALESCE(en.detention_as_of, false))) OR pe.closed_detained)) AS held,
         -- A file closed as detained in the period counts as treated if treated in detention in the period.
         (COALESCE(en.detention_as_of, false) OR (pe.closed_detained AND COALESCE(en.detention_in_period, false))) AS treated_in_detention
    FROM people pe
    LEFT JOIN enrolled en ON en.person_id = pe.id
    LEFT JOIN contacted co ON co.person_id = pe.id
    LEFT JOIN supervised sv ON sv.person_id = pe.id
    LEFT JOIN visited vi ON vi.person_id = pe.id
),
per_residence AS (
  SELECT residence_unit_id,
         count(*) FILTER (WHERE with_file) AS with_files,
         count(*) FILTER (WHERE with_file AND reached) AS reached,
         count(*) FILTER (WHERE with_file AND community) AS community,
         count(*) FILTER (WHERE with_file AND methadone) AS methadone,
         count(*) FILTER (WHERE with_file AND facility) AS facility,
         count(*) FILTER (WHERE with_file AND counseling) AS counseling,
         count(*) FILTER (WHERE with_file AND support) AS support,
         count(*) FILTER (WHERE with_file AND medical) AS medical,
         count(*) FILTER (WHERE supervised) AS supervised,
         count(*) FILTER (WHERE supervised AND post_rehab_supported) AS supported,
         count(*) FILTER (WHERE held) AS held,
         count(*) FILTER (WHERE held AND treated_in_detention) AS treated,
         count(*) FILTER (WHERE open_at_end) AS people_with_files
    FROM flags
   GROUP BY residence_unit_id
),
per_unit AS (
  SELECT a.unit_id::uuid AS unit_id,
         sum(x.with_files) AS with_files, sum(x.reached) AS reached,
         sum(x.community) AS community, sum(x.methadone) AS methadone, sum(x.facility) AS facility,
         sum(x.counseling) AS counseling, sum(x.support) AS support, sum(x.medical) AS medical,
         sum(x.supervised) AS supervised, sum(x.supported) AS supported,
         sum(x.held) AS held, sum(x.treated) AS treated,
         sum(x.people_with_files) AS people_with_files
    FROM per_residence x
    JOIN admin_units r ON r.id = x.residence_unit_id
   CROSS JOIN LATERAL unnest(string_to_array(rtrim(r.path, '/'), '/')) AS a(unit_id)
   GROUP BY a.unit_id
)
SELECT u.id, u.code, u.name, u.level, u.parent_id AS "parentId", u.population,
       COALESCE(x.with_files, 0)::int AS "withFiles",
       COALESCE(x.reached, 0)::int AS reached,
       COALESCE(x.community, 0)::int AS community,
       COALESCE(x.methadone, 0)::int AS methadone,
       COALESCE(x.facility, 0)::int AS facility,
       COALESCE(x.counseling, 0)::int AS counseling,
       COALESCE(x.support, 0)::int AS support,
       COALESCE(x.medical, 0)::int AS medical,
       COALESCE(x.supervised, 0)::int AS supervised,
       COALESCE(x.supported, 0)::int AS supported,
       COALESCE(x.held, 0)::int AS held,
       COALESCE(x.treated, 0)::int AS treated,
       COALESCE(x.people_with_files, 0)::int AS "peopleWithFiles"
  FROM admin_units u
  LEFT JOIN per_unit x ON x.unit_id = u.id
 WHERE $5::uuid[] IS NULL OR u.id = ANY($5::uuid[])
 ORDER BY u.path`;
