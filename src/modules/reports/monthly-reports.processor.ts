import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobsService } from '../../common/jobs/jobs.service.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
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
export class MonthlyReportsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('MonthlyReportJobs');

  constructor(
    private readonly jobs: JobsService,
    private readonly reports: MonthlyReportsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('reports', 'monthly-report-notices', (job) => this.noticeJob(job));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    void this.schedule().catch((err: Error) => this.logger.warn({ errorClass: err.name }, 'monthly report schedules could not be set'));
  }

  async schedule(): Promise<void> {
    await this.jobs.withQueue('reports', async (queue) => {
      await queue.upsertJobScheduler(
        REPORT_DUE_SCHEDULER,
        { pattern: REPORT_DUE_CRON, tz: this.config.tzName },
        { name: 'monthly-report-notices', data: { kind: 'report_due' } satisfies MonthlyNoticeJobData },
      );
      await queue.upsertJobScheduler(
        REPORT_OVERDUE_SCHEDULER,
        { pattern: REPORT_OVERDUE_CRON, tz: this.config.tzName },
        { name: 'monthly-report-notices', data: { kind: 'report_overdue' } satisfies MonthlyNoticeJobData },
      );
    });
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
