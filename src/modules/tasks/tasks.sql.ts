/**
 * The day's work of a caller, computed from the records themselves (not from raised reminders, so
 * the list is right even before a reminder job has run). Each source answers the same columns:
 * kind, person, subject (the record the task is about), due date, the responsible worker when the
 * task has one, and the reminder kind that announces it (to link the open reminder).
 *
 * TypeORM-style parameters: :taskToday, :leadDays, :noticeDays, :taskFacilityId, :taskZone. None may be
 * named like a type (`::date` follows several of them).
 */

/**
 * The commune's work: follow-ups, ends of supervision, management and community treatment, relapses,
 * files moved in (their `transfer_in` reminder still open) and files of the area asked for elsewhere.
 */
export const COMMUNE_TASKS = `
  SELECT CASE WHEN f.due_date < :taskToday::date THEN 'follow_up_overdue' ELSE 'follow_up_due' END AS kind,
         s.person_id, f.id AS subject_id, f.due_date, s.supervisor_user_id AS assigned_user_id,
         CASE WHEN f.due_date < :taskToday::date THEN 'follow_up_overdue' ELSE 'follow_up_due' END AS reminder_kind
    FROM follow_ups f
    JOIN supervisions s ON s.id = f.supervision_id AND s.status = 'active'
   WHERE f.status IN ('scheduled', 'missed') AND f.due_date <= :taskToday::date + :leadDays::int
  UNION ALL
  SELECT 'supervision_ending', s.person_id, s.id, s.end_date, s.supervisor_user_id, 'supervision_ending'
    FROM supervisions s
   WHERE s.status = 'active' AND s.end_date <= :taskToday::date + :noticeDays::int
  UNION ALL
  SELECT 'management_ending', m.id, m.id, m.end_date, NULL::uuid, 'management_ending'
    FROM (SELECT p.id, (p.management_decision_on + interval '1 year' - interval '1 day')::date AS end_date
            FROM persons p
           WHERE p.status = 'using' AND p.management_decision_on IS NOT NULL AND p.closed_on IS NULL) m
   WHERE m.end_date <= :taskToday::date + :noticeDays::int
  UNION ALL
  SELECT 'enrollment_ending', e.person_id, e.id, e.planned_end_date, NULL::uuid, 'enrollment_ending'
    FROM enrollments e
   WHERE e.type = 'community' AND e.status = 'active' AND e.planned_end_date <= :taskToday::date + :noticeDays::int
  UNION ALL
  SELECT 'relapse', r.person_id, r.id, r.detected_on, r.assigned_user_id, NULL
    FROM relapse_tasks r
   WHERE r.status = 'open'
  UNION ALL
  SELECT 'transfer_in', r.person_id, r.subject_id, r.due_date, NULL::uuid, 'transfer_in'
    FROM reminders r
   WHERE r.kind = 'transfer_in' AND r.status = 'open'
  UNION ALL
  SELECT 'transfer_waiting', tr.person_id, tr.id, (tr.created_at AT TIME ZONE :taskZone)::date, NULL::uuid, NULL
    FROM transfer_requests tr
   WHERE tr.status = 'pending'
`;

/**
 * The officer's work: transfer requests waiting for a decision by a unit in the officer's area
 * (`approverScope`, from scope.ts, on `tr.approver_unit_id`).
 */
export const decisionTasks = (approverScope: string) => `
  SELECT 'transfer_decision' AS kind, tr.person_id, tr.id AS subject_id, (tr.created_at AT TIME ZONE :taskZone)::date AS due_date,
         NULL::uuid AS assigned_user_id, NULL AS reminder_kind
    FROM transfer_requests tr
   WHERE tr.status = 'pending' AND ${approverScope}
`;

/** A methadone clinic's work: missed-dose alerts, enrollments ending, and today's doses not recorded yet. */
export const CLINIC_TASKS = `
  SELECT 'missed_doses' AS kind, r.person_id, r.subject_id, r.due_date, NULL::uuid AS assigned_user_id, 'missed_doses' AS reminder_kind
    FROM reminders r
   WHERE r.kind = 'missed_doses' AND r.status <> 'resolved' AND r.facility_id = :taskFacilityId
  UNION ALL
  SELECT 'enrollment_ending', e.person_id, e.id, e.planned_end_date, NULL::uuid, 'enrollment_ending'
    FROM enrollments e
   WHERE e.facility_id = :taskFacilityId AND e.type = 'methadone' AND e.status = 'active'
     AND e.planned_end_date <= :taskToday::date + :noticeDays::int
  UNION ALL
  SELECT 'dose_not_recorded', e.person_id, e.id, :taskToday::date, NULL::uuid, NULL
    FROM enrollments e
   WHERE e.facility_id = :taskFacilityId AND e.type = 'methadone' AND e.status = 'active' AND e.start_date <= :taskToday::date
     AND NOT EXISTS (SELECT 1 FROM methadone_doses d WHERE d.enrollment_id = e.id AND d.date = :taskToday::date)
`;

/** A rehabilitation facility's work: stays ending (or past their planned end and still open). */
export const FACILITY_TASKS = `
  SELECT 'stay_ending' AS kind, e.person_id, e.id AS subject_id, e.planned_end_date AS due_date,
         NULL::uuid AS assigned_user_id, 'enrollment_ending' AS reminder_kind
    FROM enrollments e
   WHERE e.facility_id = :taskFacilityId AND e.type = 'facility' AND e.status = 'active'
     AND e.planned_end_date <= :taskToday::date + :noticeDays::int
`;
