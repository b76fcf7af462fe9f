import { VI } from '../../common/i18n/messages.vi.js';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobsService } from '../../common/jobs/jobs.service.js';
import { CRASHES_BEFORE_FAILING, JOB_ATTEMPTS } from '../../common/jobs/queues.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { importJobId, type ImportPersonsJobData } from './imports.jobs.js';
import { ImportsRepository } from './imports.repository.js';
import { PersonImporter } from './person-import.js';

/** Why an import whose job stopped its worker twice was failed (the batches written are kept). */
export const CRASHED = VI.file.crashed(CRASHES_BEFORE_FAILING);

/** The 'imports' queue. A job that fails its last attempt fails its import, which writes nothing more. */
@Injectable()
export class ImportsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('ImportJobs');

  constructor(
    private readonly jobs: JobsService,
    private readonly importer: PersonImporter,
    private readonly imports: ImportsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.handle(
      'imports',
      'import-persons',
      (job) => this.importPersons(job),
      (job) => this.failImport(job, 'worker_crashed', CRASHED),
    );
  }

  /** Imports whose job was lost (a Redis flush) are queued again; the job id keeps one job per import. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    void this.requeuePending().catch((err: Error) => this.logger.warn({ errorClass: err.name }, 'pending imports could not be re-queued'));
  }

  async requeuePending(): Promise<number> {
    const pending = await this.imports.pendingIds();
    await this.jobs.withQueue('imports', (queue) =>
      queue.addBulk(
        pending.map((id) => ({ name: 'import-persons', data: { importId: id } satisfies ImportPersonsJobData, opts: { jobId: importJobId(id) } })),
      ),
    );
    return pending.length;
  }

  private async importPersons(job: Job): Promise<void> {
    const { importId } = job.data as ImportPersonsJobData;
    try {
      await this.importer.run(importId);
    } catch (err) {
      const attempts = job.opts.attempts ?? JOB_ATTEMPTS;
      if (job.attemptsMade + 1 >= attempts) {
        await this.failImport(job, 'batch_failed', VI.file.systemFailed);
      }
      throw err;
    }
  }

  /** The import of a job given up on is failed with the reason (unless it already ended). */
  private async failImport(job: Job, code: 'batch_failed' | 'worker_crashed', message: string): Promise<void> {
    const { importId } = job.data as ImportPersonsJobData;
    const imp = await this.imports.unfinished(importId);
    if (!imp) return;
    await this.importer.fail(imp, null, [{ row: 0, column: '', field: null, code, message }]);
  }
}
