/** Payload and schedules of the monthly report notices ('reports' queue, src/common/jobs/queues.ts). */
export interface MonthlyNoticeJobData {
  kind: 'report_due' | 'report_overdue';
  /** `YYYY-MM`; without it, the month before today. */
  month?: string;
}

/** 07:00 on the 1st, in TZ_NAME: every commune's report of the month just ended is due. */
export const REPORT_DUE_SCHEDULER = 'monthly-report-due';
export const REPORT_DUE_CRON = '0 7 1 * *';
/** 07:00 on the 4th, the day after the due day: the province hears of each report still missing. */
export const REPORT_OVERDUE_SCHEDULER = 'monthly-report-overdue';
export const REPORT_OVERDUE_CRON = '0 7 4 * *';
