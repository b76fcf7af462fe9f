import { currentMissedRuns } from '../treatment/missed-doses.sql.js';

/**
 * What is due, computed from the database alone (set-based SQL). One query lists every reminder
 * that should exist now or later ("candidates"); the planner turns the pending ones into delayed
 * jobs, the sweep inserts those whose moment has passed, and a job re-reads its own candidate
 * before raising it. So the three always agree.
 *
 * The candidates read other modules' tables (persons, supervisions, follow_ups, enrollments; the
 * doses through treatment's missed-doses.sql.ts) in the one statement: a read grant of
 * database/table-owners.ts, as going through their repositories would load every open file.
 */

/** Ends of supervisions, enrollments and `using` management are announced this many days ahead. */
export const ENDING_NOTICE_DAYS = 15;
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
  /** The self-termination rule in force (treatment-policy.ts), or null when none is. */
  selfTermination: { workingDays: number; sessions: number; label: string } | null;
}

export const candidateArgs = (p: CandidateParams) => [
  p.today,
  p.leadDays,
  p.graceDays,
  p.missedAlertDays,
  p.personIds,
  p.selfTermination?.workingDays ?? null,
  p.selfTermination?.sessions ?? null,
  p.selfTermination?.label ?? null,
];
/** How many parameters `CANDIDATES` takes: a query around it numbers its own from here + 1. */
export const CANDIDATE_PARAMS = 8;


export interface CandidateRow {
  kind: string;
  person_id: string;
  subject_id: string;
  due_date: string;
  /** The day from whose start (in TZ_NAME) the reminder is raised. */
  moment_date: string;
  facility_id: string | null;
  message: string;
}

/**
 * $1 today, $2 lead days, $3 grace days, $4 missed-dose alert days, $5 person ids (uuid[]) or null,
 * $6-$8 the self-termination rule in force (working days, sessions, its name) or nulls.
 * Only open files count. A follow-up is announced while scheduled, until it becomes overdue (then
 * only the overdue reminder is raised); it is overdue while scheduled or missed. Missed doses follow
 * the current run (missed-doses.sql.ts): the clinic's alert is keyed by the run's first day, the
 * self-termination reminder by the first day of the absence without a reason, raised only when the
 * rule holds. The post-rehab deadlines (Decree 116 Arts 77-78) run from a recorded completion
 * certificate until the post-rehab decision is recorded on the supervision that follows.
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
  runs AS (${currentMissedRuns(`SELECT e.id FROM p JOIN enrollments e ON e.person_id = p.id AND e.type = 'methadone' AND e.status = 'active'`)}),
  missed AS (
    SELECT r.*, e.person_id, e.facility_id FROM runs r JOIN enrollments e ON e.id = r.enrollment_id
  )
  SELECT 'follow_up_due' AS kind, person_id, id AS subject_id, due_date, due_date - $2::int AS moment_date,
         NULL::uuid AS facility_id,
         format('Case %s: follow-up visit due on %s.', case_code, due_date) AS message
    FROM fu
   WHERE status = 'scheduled' AND $1::date < due_date + $3::int
  UNION ALL
  SELECT 'follow_up_overdue', person_id, id, due_date, due_date + $3::int, NULL,
         format('Case %s: follow-up visit due on %s was not done within %s days; it is marked missed.', case_code, due_date, $3::int)
    FROM fu
  UNION ALL
  SELECT 'supervision_ending', p.id, s.id, s.end_date, s.end_date - ${ENDING_NOTICE_DAYS}, NULL,
         format('Case %s: post-rehab supervision ends on %s.', p.case_code, s.end_date)
    FROM p JOIN supervisions s ON s.person_id = p.id AND s.status = 'active'
  UNION ALL
  SELECT 'enrollment_ending', p.id, e.id, e.planned_end_date, e.planned_end_date - ${ENDING_NOTICE_DAYS},
         e.facility_id,
         format('Case %s: %s treatment is planned to end on %s.', p.case_code, e.type, e.planned_end_date)
    FROM p JOIN enrollments e ON e.person_id = p.id AND e.status = 'active' AND e.planned_end_date IS NOT NULL
  UNION ALL
  SELECT 'management_ending', p.id, p.id, m.end_date, m.end_date - ${ENDING_NOTICE_DAYS}, NULL,
         format('Case %s: one-year management ends on %s.', p.case_code, m.end_date)
    FROM p
    CROSS JOIN LATERAL (SELECT (p.management_decision_on + interval '1 year' - interval '1 day')::date AS end_date) m
   WHERE p.status = 'using' AND p.management_decision_on IS NOT NULL
  UNION ALL
  SELECT 'missed_doses', r.person_id, r.enrollment_id, r.run_start, r.run_start + ($4::int - 1), r.facility_id,
         format('Case %s: alert: %s or more methadone doses missed in a row since %s.', p.case_code, $4::int, r.run_start)
    FROM missed r JOIN p ON p.id = r.person_id
   WHERE r.sessions >= $4::int
  UNION ALL
  SELECT 'self_termination', r.person_id, r.enrollment_id, r.unexcused_start, r.run_end, r.facility_id,
         format('Case %s: absent without a reason since %s (%s working days, %s sessions): self-termination of treatment under %s.',
                p.case_code, r.unexcused_start, r.unexcused_working_days, r.unexcused_sessions, $8::text)
    FROM missed r JOIN p ON p.id = r.person_id
   WHERE r.unexcused_working_days >= $6::int OR r.unexcused_sessions >= $7::int
  UNION ALL
  SELECT 'post_rehab_file_due', p.id, e.id, e.post_rehab_file_due, e.certificate_on, e.facility_id,
         format('Case %s: completion certificate of %s: the post-rehab file is due by %s (Decree 116/2021/ND-CP Art 77).',
                p.case_code, e.certificate_on, e.post_rehab_file_due)
    FROM p JOIN enrollments e ON e.person_id = p.id AND e.status = 'ended' AND e.post_rehab_file_due IS NOT NULL
   WHERE NOT EXISTS (SELECT 1 FROM supervisions s WHERE s.source_enrollment_id = e.id AND s.decision_on IS NOT NULL)
  UNION ALL
  SELECT 'post_rehab_decision_due', p.id, e.id, e.post_rehab_decision_due, e.post_rehab_file_due, NULL,
         format('Case %s: completion certificate of %s: the post-rehab management decision is due by %s (Decree 116/2021/ND-CP Art 78).',
                p.case_code, e.certificate_on, e.post_rehab_decision_due)
    FROM p JOIN enrollments e ON e.person_id = p.id AND e.status = 'ended' AND e.post_rehab_decision_due IS NOT NULL
   WHERE NOT EXISTS (SELECT 1 FROM supervisions s WHERE s.source_enrollment_id = e.id AND s.decision_on IS NOT NULL)`;

/**
 * Inserts candidates (from a query selecting CandidateRow columns) as reminders, once per
 * (kind, subject, due date). A missed-dose reminder resolved earlier whose run is current again is
 * opened again: a re-plan or a restart raises what is due.
 */
export const insertReminders = (source: string) => `
  INSERT INTO reminders (kind, person_id, subject_id, due_date, message, facility_id)
  SELECT c.kind, c.person_id, c.subject_id, c.due_date, c.message, c.facility_id FROM (${source}) c
  ON CONFLICT (kind, subject_id, due_date) DO UPDATE
     SET message = EXCLUDED.message, status = 'open', resolved_at = NULL, acknowledged_at = NULL, acknowledged_by = NULL
   WHERE reminders.kind IN ('missed_doses', 'self_termination') AND reminders.status = 'resolved'
  RETURNING (xmax = 0) AS inserted`;

/** Candidates not raised yet, or (missed doses) raised, resolved, and due again. */
export const PENDING = `
  SELECT c.* FROM (${CANDIDATES}) c
   WHERE NOT EXISTS (
     SELECT 1 FROM reminders r
      WHERE r.kind = c.kind AND r.subject_id = c.subject_id AND r.due_date = c.due_date
        AND (c.kind NOT IN ('missed_doses', 'self_termination') OR r.status <> 'resolved'))`;

/** A pending candidate as the planner reads it: what a job's id, payload and delay need. */
export interface PlannedRow {
  kind: string;
  person_id: string;
  subject_id: string;
  due_date: string;
  moment_date: string;
}

/**
 * $1-$8 as `CANDIDATES`, $9 the planning horizon: pending candidates whose moment comes by then, in
 * moment order, without the columns a job does not carry (messages, facilities).
 */
export const PLANNED = `
  SELECT c.kind, c.person_id, c.subject_id, c.due_date, c.moment_date
    FROM (${PENDING}) c
   WHERE c.moment_date <= $9::date
   ORDER BY c.moment_date`;

/**
 * $1 missed-dose alert days, $2-$3 the self-termination rule (working days, sessions) or nulls, $4 one
 * subject or null (all). Resolves reminders whose subject no longer needs work: follow-up done,
 * cancelled or moved to another date; supervision or enrollment ended or its end moved; management
 * no longer running to that date; the missed-dose run they follow no longer current (or no longer
 * long enough); post-rehab decision recorded; file closed.
 */
export const RESOLVE_DONE = `
  UPDATE reminders r SET status = 'resolved', resolved_at = now()
   WHERE r.status <> 'resolved' AND ($4::uuid IS NULL OR r.subject_id = $4::uuid)
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
           SELECT 1 FROM (${currentMissedRuns(`SELECT e.id FROM enrollments e WHERE e.id = r.subject_id AND e.status = 'active'`)}) m
            WHERE m.run_start = r.due_date AND m.sessions >= $1::int)
         WHEN 'self_termination' THEN EXISTS (
           SELECT 1 FROM (${currentMissedRuns(`SELECT e.id FROM enrollments e WHERE e.id = r.subject_id AND e.status = 'active'`)}) m
            WHERE m.unexcused_start = r.due_date AND (m.unexcused_working_days >= $2::int OR m.unexcused_sessions >= $3::int))
         WHEN 'post_rehab_file_due' THEN NOT EXISTS (
           SELECT 1 FROM supervisions s WHERE s.source_enrollment_id = r.subject_id AND s.decision_on IS NOT NULL)
         WHEN 'post_rehab_decision_due' THEN NOT EXISTS (
           SELECT 1 FROM supervisions s WHERE s.source_enrollment_id = r.subject_id AND s.decision_on IS NOT NULL)
         ELSE TRUE
       END)
  RETURNING r.id`;
