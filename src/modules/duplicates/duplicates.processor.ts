import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobsService } from '../../common/jobs/jobs.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { NIGHTLY_DUPLICATES_CRON, NIGHTLY_DUPLICATES_SCHEDULER, type FindDuplicatesJobData } from './duplicates.jobs.js';
import { DuplicatesService } from './duplicates.service.js';

/** The 'duplicates' queue: one province on request, every province each night (BullMQ job scheduler). */
@Injectable()
export class DuplicatesProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('DuplicatesJobs');

  constructor(
    private readonly jobs: JobsService,
    private readonly duplicates: DuplicatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.handle('duplicates', 'find-duplicates', (job) => this.findJob(job));
    this.jobs.handle('duplicates', 'nightly-duplicates', () => this.duplicates.findInEveryProvince());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    // Not awaited: a Redis that is away must not stop the start; the next start upserts again.
    void this.scheduleNightly().catch((err: Error) => this.logger.warn({ errorClass: err.name }, 'nightly duplicates schedule could not be set'));
  }

  async scheduleNightly(): Promise<void> {
    await this.jobs.withQueue('duplicates', (queue) =>
      queue.upsertJobScheduler(NIGHTLY_DUPLICATES_SCHEDULER, { pattern: NIGHTLY_DUPLICATES_CRON, tz: this.config.tzName }, { name: 'nightly-duplicates', data: {} }),
    );
  }

  private async findJob(job: Job) {
    const { provinceId } = job.data as FindDuplicatesJobData;
    const result = await this.duplicates.findInProvince(provinceId);
    if (!result) throw new UnrecoverableError('province no longer exists');
    return result;
  }
}
