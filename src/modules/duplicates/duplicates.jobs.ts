/** Payloads and job ids of the 'duplicates' queue (names in src/common/jobs/queues.ts). */
export interface FindDuplicatesJobData {
  provinceId: string;
}

export const NIGHTLY_DUPLICATES_SCHEDULER = 'nightly-duplicates';
/** 02:30 every night, in TZ_NAME. */
export const NIGHTLY_DUPLICATES_CRON = '30 2 * * *';

/** One id per province: a run asked while one is queued or running shares it. */
export function findDuplicatesJobId(provinceId: string): string {
  return `duplicates_${provinceId.toLowerCase()}`;
}

const JOB_ID = /^duplicates_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function parseFindDuplicatesJobId(jobId: string): FindDuplicatesJobData | undefined {
  const m = JOB_ID.exec(jobId);
  return m ? { provinceId: m[1].toLowerCase() } : undefined;
}
