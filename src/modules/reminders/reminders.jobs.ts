import type { ReminderKind } from './reminder-kinds.js';

/**
 * Jobs of the 'reminders' queue: their payloads and job-id builders, in one place.
 *
 * - `raise-reminder`: a delayed job that raises one reminder at its moment. Its id is deterministic,
 *   so planning the same reminder twice adds one job.
 * - `sweep`: repeatable; raises in SQL everything whose moment has passed, marks overdue
 *   follow-ups missed and resolves reminders whose work is done, so a lost job loses nothing.
 * - `replan`: repeatable (daily) and on demand; sweeps, then plans the jobs of the next days.
 */

/** Ids and dates only: job payloads live in Redis and in logs, so they carry no personal data. */
export interface RaiseReminderJob {
  kind: ReminderKind;
  personId: string;
  subjectId: string;
  dueDate: string;
}

/** Ids of the repeatable jobs' schedulers. */
export const SWEEP_SCHEDULER = 'reminders-sweep';
export const REPLAN_SCHEDULER = 'reminders-replan';
/** The daily re-plan runs shortly after midnight in TZ_NAME. */
export const REPLAN_PATTERN = '5 0 * * *';

/**
 * BullMQ refuses custom ids that are integers or contain ':' (its key separator), so the parts are
 * joined with '.': `follow_up_due.<follow-up id>.2026-03-10`.
 */
export function raiseJobId(job: RaiseReminderJob): string {
  return `${job.kind}.${job.subjectId}.${job.dueDate}`;
}

/** Milliseconds from `now` until `moment`; a moment already past runs at once. */
export function delayUntil(moment: Date, now: Date): number {
  return Math.max(0, moment.getTime() - now.getTime());
}
