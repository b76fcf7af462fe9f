/**
 * What is due, computed from the database alone (set-based SQL). One query lists every reminder
 * that should exist now or later ("candidates"); the planner turns the pending ones into delayed
 * jobs, the sweep inserts those whose moment has passed, and a job re-reads its own candidate
 * before raising it. So the three always agree.
 */

/** Ends of supervisions, enrollments and `using` management are announced this many days ahead. */
export const ENDING_NOTICE_DAYS = 15;
/** From this many missed doses in a row, treatment counts as self-terminated under the law. */
export const SELF_TERMINATION_MISSED_DAYS = 5;
/** Jobs are planned for moments up to this many days ahead; the daily re-plan moves the window. */
export const PLAN_HORIZON_DAYS = 35;

/** Parameters of `CANDIDATES`, in order. */
export interface CandidateParams {
  today: string;
  leadDays: number;
  graceDays: number;
  missedAlertDays: number;
  /** These persons, or every person when null. */
  personIds: readonly string[] | null;
}

export const candidateArgs = (p: CandidateParams) => [p.today, p.leadDays, p.graceDays, p.missedAlertDays, p.personIds];

export interface CandidateRow {
  kind: string;
  person_id: string;
  subject_id: string;
  due_date: string;
  /** The day from whose start (in TZ_NAME) the reminder is raised. */
  moment_date: string;
  facility_id: string | null;
  level: string | null;
  message: string;
}

/**
 * $1 today, $2 lead days, $3 grace days, $4 missed-dose alert days, $5 person ids (uuid[]) or null.
 * Only open files count. A follow-up is announced while scheduled, until it becomes overdue (then
 * only the overdue reminder is raised); it is overdue while scheduled or missed. The missed-dose run
 * is the run of consecutive calendar days with a 'missed' row after the last 'taken' dose; its
 * reminder is keyed by the run's first day.
 */
export const CANDIDATES = `
  WITH p AS (
    SELECT id, case_code, status, management_decision_on
      FROM persons
     WHERE closed_on IS NULL AND ($5::uuid[] IS NULL OR id = ANY($5::uuid[]))
  ),
  fu AS (
    SELECT p.id AS person_id, p.case_code, f.id, f.due_date, f.status
      FROM p
      JOIN supervisions s ON s.person_id = p.id AND s.status = 'active'
      JOIN follow_ups f ON f.supervision_id = s.id AND f.status IN ('scheduled', 'missed')
  ),
  missed AS (
    SELECT e.id AS enrollment_id, e.person_id, e.facility_id, d.date,
           row_number() OVER (PARTITION BY e.id ORDER BY d.date DESC) AS rn,
           max(d.date) OVER (PARTITION BY e.id) AS last_missed
      FROM p
      JOIN enrollments e ON e.person_id = p.id AND e.type = 'methadone' AND e.status = 'active'
      JOIN methadone_doses d ON d.enrollment_id = e.id AND d.status = 'missed'
     WHERE d.date > COALESCE(
             (SELECT max(t.date) FROM methadone_doses t WHERE t.enrollment_id = e.id AND t.status = 'taken'),
             '-infinity'::date)
  ),
  runs AS (
    SELECT enrollment_id, person_id, facility_id, min(date) AS run_start, count(*)::int AS run_length
      FROM missed
     WHERE last_missed - date = rn - 1
     GROUP BY enrollment_id, person_id, facility_id
  )
  SELECT 'follow_up_due' AS kind, person_id, id AS subject_id, due_date, due_date - $2::int AS moment_date,
         NULL::uuid AS facility_id, NULL::text AS level,
         format('Case %s: follow-up visit due on %s.', case_code, due_date) AS message
    FROM fu
   WHERE status = 'scheduled' AND $1::date < due_date + $3::int
  UNION ALL
  SELECT 'follow_up_overdue', person_id, id, due_date, due_date + $3::int, NULL, NULL,
         format('Case %s: follow-up visit due on %s was not done within %s days; it is marked missed.', case_code, due_date, $3::int)
    FROM fu
  UNION ALL
  SELECT 'supervision_ending', p.id, s.id, s.end_date, s.end_date - ${ENDING_NOTICE_DAYS}, NULL, NULL,
         format('Case %s: post-rehab supervision ends on %s.', p.case_code, s.end_date)
    FROM p JOIN supervisions s ON s.person_id = p.id AND s.status = 'active'
  UNION ALL
  SELECT 'enrollment_ending', p.id, e.id, e.planned_end_date, e.planned_end_date - ${ENDING_NOTICE_DAYS},
         e.facility_id, NULL,
         format('Case %s: %s treatment is planned to end on %s.', p.case_code, e.type, e.planned_end_date)
    FROM p JOIN enrollments e ON e.person_id = p.id AND e.status = 'active' AND e.planned_end_date IS NOT NULL
  UNION ALL
  SELECT 'management_ending', p.id, p.id, m.end_date, m.end_date - ${ENDING_NOTICE_DAYS}, NULL, NULL,
         format('Case %s: one-year management ends on %s.', p.case_code, m.end_date)
    FROM p
    CROSS JOIN LATERAL (SELECT (p.management_decision_on + interval '1 year' - interval '1 day')::date AS end_date) m
   WHERE p.status = 'using' AND p.management_decision_on IS NOT NULL
  UNION ALL
  SELECT 'missed_doses', r.person_id, r.enrollment_id, r.run_start, r.run_start + ($4::int - 1), r.facility_id,
         CASE WHEN r.run_length >= ${SELF_TERMINATION_MISSED_DAYS} THEN 'self_termination' ELSE 'alert' END,
         CASE WHEN r.run_length >= ${SELF_TERMINATION_MISSED_DAYS}
              THEN format('Case %s: %s or more methadone doses missed in a row since %s: under the law this is self-termination of treatment.',
                          p.case_code, ${SELF_TERMINATION_MISSED_DAYS}, r.run_start)
              ELSE format('Case %s: %s or more methadone doses missed in a row since %s.', p.case_code, $4::int, r.run_start)
         END
    FROM runs r JOIN p ON p.id = r.person_id
   WHERE r.run_length >= $4::int`;

/**
 * Inserts candidates (from a query selecting CandidateRow columns) as reminders, once per
 * (kind, subject, due date). A missed-dose run that grows into self-termination updates its
 * reminder's message and opens it again if it had been acknowledged.
 */
export const insertReminders = (source: string) => `
  INSERT INTO reminders (kind, person_id, subject_id, due_date, message, facility_id)
  SELECT c.kind, c.person_id, c.subject_id, c.due_date, c.message, c.facility_id FROM (${source}) c
  ON CONFLICT (kind, subject_id, due_date) DO UPDATE
     SET message = EXCLUDED.message, status = 'open', acknowledged_at = NULL, acknowledged_by = NULL
   WHERE reminders.kind = 'missed_doses' AND reminders.status <> 'resolved' AND reminders.message <> EXCLUDED.message
  RETURNING (xmax = 0) AS inserted`;

/** Candidates not raised yet (a missed-dose reminder also counts as pending when its level grew). */
export const PENDING = `
  SELECT c.* FROM (${CANDIDATES}) c
   WHERE NOT EXISTS (
     SELECT 1 FROM reminders r
      WHERE r.kind = c.kind AND r.subject_id = c.subject_id AND r.due_date = c.due_date
        AND (c.kind <> 'missed_doses' OR r.message = c.message OR r.status = 'resolved'))`;

/** A pending candidate as the planner reads it: what a job's id, payload and delay need. */
export interface PlannedRow {
  kind: string;
  person_id: string;
  subject_id: string;
  due_date: string;
  moment_date: string;
  level: string | null;
}

/**
 * $1-$5 as `CANDIDATES`, $6 the planning horizon: pending candidates whose moment comes by then, in
 * moment order, without the columns a job does not carry (messages, facilities).
 */
export const PLANNED = `
  SELECT c.kind, c.person_id, c.subject_id, c.due_date, c.moment_date, c.level
    FROM (${PENDING}) c
   WHERE c.moment_date <= $6::date
   ORDER BY c.moment_date`;

/** $1 today, $2 grace days. Follow-ups still scheduled `grace` days after their due date become missed. */
export const MARK_MISSED = `
  UPDATE follow_ups f SET status = 'missed', updated_at = now()
    FROM supervisions s, persons p
   WHERE s.id = f.supervision_id AND s.status = 'active' AND p.id = s.person_id AND p.closed_on IS NULL
     AND f.status = 'scheduled' AND f.due_date + $2::int <= $1::date
  RETURNING f.id`;

/**
 * Resolves reminders whose subject no longer needs work: follow-up done, cancelled or moved to
 * another date; supervision or enrollment ended or its end moved; management no longer running to
 * that date; missed-dose run broken by a taken dose; file closed.
 */
export const RESOLVE_DONE = `
  UPDATE reminders r SET status = 'resolved', resolved_at = now()
   WHERE r.status <> 'resolved'
     AND NOT (
       EXISTS (SELECT 1 FROM persons p WHERE p.id = r.person_id AND p.closed_on IS NULL)
       AND CASE r.kind
         WHEN 'follow_up_due' THEN EXISTS (
           SELECT 1 FROM follow_ups f JOIN supervisions s ON s.id = f.supervision_id
            WHERE f.id = r.subject_id AND f.due_date = r.due_date AND f.status IN ('scheduled', 'missed') AND s.status = 'active')
         WHEN 'follow_up_overdue' THEN EXISTS (
           SELECT 1 FROM follow_ups f JOIN supervisions s ON s.id = f.supervision_id
            WHERE f.id = r.subject_id AND f.due_date = r.due_date AND f.status IN ('scheduled', 'missed') AND s.status = 'active')
         WHEN 'supervision_ending' THEN EXISTS (
           SELECT 1 FROM supervisions s WHERE s.id = r.subject_id AND s.status = 'active' AND s.end_date = r.due_date)
         WHEN 'enrollment_ending' THEN EXISTS (
           SELECT 1 FROM enrollments e WHERE e.id = r.subject_id AND e.status = 'active' AND e.planned_end_date = r.due_date)
         WHEN 'management_ending' THEN EXISTS (
           SELECT 1 FROM persons p WHERE p.id = r.subject_id AND p.status = 'using'
              AND (p.management_decision_on + interval '1 year' - interval '1 day')::date = r.due_date)
         WHEN 'missed_doses' THEN EXISTS (
           SELECT 1 FROM enrollments e WHERE e.id = r.subject_id AND e.status = 'active')
           AND NOT EXISTS (
           SELECT 1 FROM methadone_doses d WHERE d.enrollment_id = r.subject_id AND d.status = 'taken' AND d.date > r.due_date)
         ELSE TRUE
       END)
  RETURNING r.id`;
