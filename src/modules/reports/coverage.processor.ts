import { Injectable } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { QueueProcessor } from '../../common/jobs/queue-processor.js';
import { Clock } from '../../common/time/clock.js';
import { addMonths } from '../../common/time/dates.js';
import { monthPeriod, previousMonth } from './coverage.arithmetic.js';
import {
  MONTHLY_COVERAGE_CRON,
  MONTHLY_COVERAGE_SCHEDULER,
  type CoverageJobData,
  type MonthlyCoverageJobData,
} from './coverage.jobs.js';
import { CoverageService } from './coverage.service.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How many months a trend reaches back (the scheduled run keeps that many snapshots). */
export const TREND_MONTHS = 36;

/** The 'reports' queue: one unit on request, every unit each month (BullMQ job scheduler). */
@Injectable()
export class CoverageProcessor extends QueueProcessor {
  constructor(
    private readonly coverage: CoverageService,
    private readonly clock: Clock,
  ) {
    super('CoverageJobs', 'monthly coverage schedule could not be set');
  }

  override onModuleInit(): void {
    this.jobs.handle('reports', 'coverage', (job) => this.coverageJob(job));
    this.jobs.handle('reports', 'monthly-coverage', (job) => this.monthlyJob(job));
  }

  /** Worker processes keep the monthly schedule in place. */
  protected override onWorkerStart(): Promise<void> {
    const data: MonthlyCoverageJobData = {};
    return this.upsertSchedules('reports', [{ id: MONTHLY_COVERAGE_SCHEDULER, pattern: MONTHLY_COVERAGE_CRON, name: 'monthly-coverage', data }]);
  }

  private async coverageJob(job: Job) {
    const data = job.data as CoverageJobData;
    const stored = await this.coverage.computeUnit(data, job.id ?? null);
    if (!stored) throw new UnrecoverableError('unit no longer exists');
    return stored;
  }

  private async monthlyJob(job: Job) {
    const { month } = job.data as MonthlyCoverageJobData;
    if (month !== undefined && !MONTH.test(month)) throw new UnrecoverableError('month must be YYYY-MM');
    const period = month ? monthPeriod(month) : previousMonth(this.clock.today());
    const units = await this.coverage.computeAllUnits(period.from, period.to, job.id ?? null);
    this.logger.log({ from: period.from, to: period.to, units }, 'monthly coverage computed');
    // The scheduled run also fills in, once, any of the earlier TREND_MONTHS months never stored,
    // so a trend has its snapshots from the first month on.
    const backfilled = month ? [] : await this.backfill(period.from, job.id ?? null);
    return { ...period, units, backfilled };
  }

  private async backfill(before: string, jobId: string | null): Promise<string[]> {
    const missing = await this.coverage.missingMonths(addMonths(before, -(TREND_MONTHS - 1)), addMonths(before, -1));
    for (const m of missing) {
      const period = monthPeriod(m);
      await this.coverage.computeAllUnits(period.from, period.to, jobId);
    }
    if (missing.length) this.logger.log({ months: missing.length }, 'monthly coverage backfilled');
    return missing;
  }
}
