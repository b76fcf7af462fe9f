/**
 * A person's history from every feature's own table, in date order; ties by the time a row was
 * recorded, then starts before ends. Only codes, dates and ids: no notes and no encrypted fields.
 * `$1` is the person id. `$2`, when not null, is the facility of a clinic or facility worker, who
 * sees the file's own events and only the enrollments and services of that facility: not other
 * facilities' stays, nor the commune's supervision and its visits, nor drug tests others took.
 */
export const TIMELINE_SQL = `
  SELECT t.id, t.kind, to_char(t.date, 'YYYY-MM-DD') AS date, t.data
  FROM (
    SELECT e.id, e.kind, e.event_date AS date, e.recorded_at, CASE e.kind WHEN 'registered' THEN 0 WHEN 'closed' THEN 4 ELSE 2 END AS rank, e.data
      FROM person_events e
     WHERE e.person_id = $1 AND e.kind IN ('registered', 'status_changed', 'management_decision', 'moved', 'closed')
    UNION ALL
    SELECT en.id, 'enrollment_started', en.start_date, en.created_at, 1,
           jsonb_build_object('type', en.type, 'mode', en.mode, 'facilityId', en.facility_id, 'plannedEndDate', to_char(en.planned_end_date, 'YYYY-MM-DD'))
      FROM enrollments en
     WHERE en.person_id = $1 AND ($2::uuid IS NULL OR en.facility_id = $2::uuid)
    UNION ALL
    SELECT en.id, 'enrollment_ended', en.end_date, en.updated_at, 3,
           jsonb_build_object('type', en.type, 'mode', en.mode, 'facilityId', en.facility_id, 'outcome', en.outcome)
      FROM enrollments en
     WHERE en.person_id = $1 AND en.end_date IS NOT NULL AND ($2::uuid IS NULL OR en.facility_id = $2::uuid)
    UNION ALL
    SELECT sc.id, 'service', sc.date, sc.created_at, 2,
           jsonb_build_object('type', sc.type, 'facilityId', sc.facility_id)
      FROM service_contacts sc
     WHERE sc.person_id = $1 AND ($2::uuid IS NULL OR sc.facility_id = $2::uuid)
    UNION ALL
    SELECT s.id, 'supervision_started', s.start_date, s.created_at, 1,
           jsonb_build_object('endDate', to_char(s.end_date, 'YYYY-MM-DD'), 'intervalDays', s.interval_days,
                              'sourceEnrollmentId', s.source_enrollment_id)
      FROM supervisions s
     WHERE s.person_id = $1 AND $2::uuid IS NULL
    UNION ALL
    SELECT s.id, 'supervision_ended', COALESCE(s.ended_on, s.end_date), s.updated_at, 3,
           jsonb_build_object('outcome', s.outcome)
      FROM supervisions s
     WHERE s.person_id = $1 AND s.status = 'ended' AND $2::uuid IS NULL
    UNION ALL
    SELECT v.id, 'visit', v.visit_date, v.created_at, 2,
           jsonb_build_object('supervisionId', v.supervision_id, 'method', v.method, 'drugTest', v.drug_test, 'relapse', v.relapse)
      FROM visits v
      JOIN supervisions s ON s.id = v.supervision_id
     WHERE s.person_id = $1 AND $2::uuid IS NULL
    UNION ALL
    SELECT dt.id, 'drug_test', dt.test_date, dt.created_at, 2,
           jsonb_build_object('method', dt.method, 'result', dt.result, 'substances', to_jsonb(dt.substances), 'facilityId', dt.facility_id)
      FROM drug_tests dt
     WHERE dt.person_id = $1 AND ($2::uuid IS NULL OR dt.facility_id = $2::uuid)
  ) t
  ORDER BY t.date, t.recorded_at, t.rank, t.id`;
