/**
 * Every queue and the job names it carries, in one place. At start the job registry refuses to boot
 * a worker process when a declared job has no handler. Payload types and job-id builders live with
 * their feature (`<feature>.jobs.ts`).
 */
export const QUEUES = {
  reminders: ['raise-reminder', 'sweep', 'replan'],
  reports: ['coverage', 'monthly-coverage', 'monthly-report-notices'],
  imports: ['import-persons'],
  duplicates: ['find-duplicates', 'nightly-duplicates'],
} as const;

export type QueueName = keyof typeof QUEUES;
export type JobName<Q extends QueueName> = (typeof QUEUES)[Q][number];

/** Failed jobs are retried with exponential backoff and then kept for inspection. */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 2_000;
export const KEEP_COMPLETED_JOBS = 1_000;
/**
 * A job in hand when its worker died this many times (a crash, an out-of-memory kill) is failed
 * instead of being taken back again: a job that kills its worker would otherwise kill every worker.
 */
export const CRASHES_BEFORE_FAILING = 2;
