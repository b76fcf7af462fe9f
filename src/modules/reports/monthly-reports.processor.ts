import { Injectable } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { QueueProcessor } from '../../common/jobs/queue-processor.js';
import { Clock } from '../../common/time/clock.js';
import { previousMonth } from './coverage.arithmetic.js';
import {
  REPORT_DUE_CRON,
  REPORT_DUE_SCHEDULER,
  REPORT_OVERDUE_CRON,
  REPORT_OVERDUE_SCHEDULER,
  type MonthlyNoticeJobData,
} from './monthly-reports.jobs.js';
import { MonthlyReportsService } from './monthly-reports.service.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Raises the due (1st) and overdue (4th) notices of monthly reports, on BullMQ job schedulers. */
@Injectable()
export class MonthlyReportsProcessor extends QueueProcessor {
  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly clock: Clock,
  ) {
    super('MonthlyReportJobs', 'monthly report schedules could not be set');
  }

  override onModuleInit(): void {
    this.jobs.handle('reports', 'monthly-report-notices', (job) => this.noticeJob(job));
  }

  protected override onWorkerStart(): Promise<void> {
    const notice = (kind: MonthlyNoticeJobData['kind']) => ({ name: 'monthly-report-notices', data: { kind } satisfies MonthlyNoticeJobData });
    return this.upsertSchedules('reports', [
      { id: REPORT_DUE_SCHEDULER, pattern: REPORT_DUE_CRON, ...notice('report_due') },
      { id: REPORT_OVERDUE_SCHEDULER, pattern: REPORT_OVERDUE_CRON, ...notice('report_overdue') },
    ]);
  }

  private async noticeJob(job: Job) {
    const { kind, month } = job.data as MonthlyNoticeJobData;
    if (kind !== 'report_due' && kind !== 'report_overdue') throw new UnrecoverableError('kind must be report_due or report_overdue');
    if (month !== undefined && !MONTH.test(month)) throw new UnrecoverableError('month must be YYYY-MM');
    const target = month ?? previousMonth(this.clock.today()).from.slice(0, 7);
    const raised = await this.reports.raiseNotices(kind, target);
    this.logger.log({ kind, month: target, raised }, 'monthly report notices raised');
    return { kind, month: target, raised };
  }
}
