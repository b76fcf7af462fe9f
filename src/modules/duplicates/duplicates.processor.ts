import { Injectable } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { QueueProcessor } from '../../common/jobs/queue-processor.js';
import { NIGHTLY_DUPLICATES_CRON, NIGHTLY_DUPLICATES_SCHEDULER, type FindDuplicatesJobData } from './duplicates.jobs.js';
import { DuplicatesService } from './duplicates.service.js';

/** The 'duplicates' queue: one province on request, every province each night (BullMQ job scheduler). */
@Injectable()
export class DuplicatesProcessor extends QueueProcessor {
  constructor(private readonly duplicates: DuplicatesService) {
    super('DuplicatesJobs', 'nightly duplicates schedule could not be set');
  }

  override onModuleInit(): void {
    this.jobs.handle('duplicates', 'find-duplicates', (job) => this.findJob(job));
    this.jobs.handle('duplicates', 'nightly-duplicates', () => this.duplicates.findInEveryProvince());
  }

  protected override onWorkerStart(): Promise<void> {
    return this.upsertSchedules('duplicates', [{ id: NIGHTLY_DUPLICATES_SCHEDULER, pattern: NIGHTLY_DUPLICATES_CRON, name: 'nightly-duplicates', data: {} }]);
  }

  private async findJob(job: Job) {
    const { provinceId } = job.data as FindDuplicatesJobData;
    const result = await this.duplicates.findInProvince(provinceId);
    if (!result) throw new UnrecoverableError('province no longer exists');
    return result;
  }
}
