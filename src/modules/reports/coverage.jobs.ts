import type { IsoDate } from '../../common/time/dates.js';

/** Payloads and job ids of the 'reports' queue (names in src/common/jobs/queues.ts). */
export interface CoverageJobData {
  unitId: string;
  from: IsoDate;
  to: IsoDate;
}

/** Optional `month` (`YYYY-MM`) recomputes a given month; without it, the month before today. */
export interface MonthlyCoverageJobData {
  month?: string;
}

export const MONTHLY_COVERAGE_SCHEDULER = 'monthly-coverage';
/** 01:00 on the 1st of each month, in TZ_NAME. */
export const MONTHLY_COVERAGE_CRON = '0 1 1 * *';

/**
 * One id per unit and period, so the same request made twice while a job is queued or running
 * shares that job. BullMQ forbids ':' in custom ids; '_' separates the parts.
 */
export function coverageJobId(data: CoverageJobData): string {
  return `coverage_${data.unitId.toLowerCase()}_${data.from}_${data.to}`;
}

const COVERAGE_JOB_ID = /^coverage_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$/i;

export function parseCoverageJobId(jobId: string): CoverageJobData | undefined {
  const m = COVERAGE_JOB_ID.exec(jobId);
  return m ? { unitId: m[1].toLowerCase(), from: m[2], to: m[3] } : undefined;
}
