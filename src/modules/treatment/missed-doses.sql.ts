import { WORKING_DAY_SQL } from '../../common/time/working-days.js';

/**
 * The current run of missed methadone doses, the one definition every feature uses (the enrollment
 * view, the clinic's alert, self-termination): the consecutive calendar days with a 'missed' row
 * that end on the enrollment's latest recorded day. When that day's dose was taken there is no run;
 * a correction of an earlier day changes the run only if it falls inside it.
 *
 * Within the run, the absence without a reason starts the day after the last missed day that has a
 * reason (a reason interrupts it). Columns: enrollment_id, run_start, run_end, sessions (days in the
 * run), unexcused_start, unexcused_sessions, unexcused_working_days.
 *
 * `enrollmentIds` is an SQL expression giving the enrollment ids to look at (a subquery or a list);
 * `asOf`, an SQL date expression, looks at the doses recorded up to that day only (the roster of a
 * past day): the run then ends on the latest day recorded by then.
 */
export const currentMissedRuns = (enrollmentIds: string, asOf?: string) => {
  const upTo = (column: string) => (asOf ? ` AND ${column} <= ${asOf}` : '');
  return `
  SELECT r.enrollment_id, r.run_start, r.run_end, r.sessions, r.unexcused_start,
         (r.run_end - r.unexcused_start + 1)::int AS unexcused_sessions,
         (SELECT count(*)::int FROM generate_series(r.unexcused_start, r.run_end, interval '1 day') g(day)
           WHERE ${WORKING_DAY_SQL('g.day')}) AS unexcused_working_days
    FROM (
      SELECT i.enrollment_id, min(i.date) AS run_start, max(i.date) AS run_end, count(*)::int AS sessions,
             COALESCE(max(i.date) FILTER (WHERE i.missed_reason IS NOT NULL) + 1, min(i.date)) AS unexcused_start
        FROM (SELECT d.enrollment_id, d.date, d.missed_reason,
                     d.date - (row_number() OVER (PARTITION BY d.enrollment_id ORDER BY d.date))::int AS island
                FROM methadone_doses d
               WHERE d.status = 'missed' AND d.enrollment_id IN (${enrollmentIds})${upTo('d.date')}) i
       GROUP BY i.enrollment_id, i.island
      HAVING max(i.date) = (SELECT max(x.date) FROM methadone_doses x WHERE x.enrollment_id = i.enrollment_id${upTo('x.date')})
    ) r`;
};

export interface MissedRunRow {
  enrollment_id: string;
  run_start: string;
  run_end: string;
  sessions: number;
  unexcused_start: string;
  unexcused_sessions: number;
  unexcused_working_days: number;
}
