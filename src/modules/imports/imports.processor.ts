import { VI } from '../../common/i18n/messages.vi.js';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueProcessor } from '../../common/jobs/queue-processor.js';
import { CRASHES_BEFORE_FAILING, JOB_ATTEMPTS } from '../../common/jobs/queues.js';
import { importJobId, type ImportPersonsJobData } from './imports.jobs.js';
import { ImportsRepository } from './imports.repository.js';
import { PersonImporter } from './person-import.js';

/** Why an import whose job stopped its worker twice was failed (the batches written are kept). */
export const CRASHED = VI.file.crashed(CRASHES_BEFORE_FAILING);

/** The 'imports' queue. A job that fails its last attempt fails its import, which writes nothing more. */
@Injectable()
export class ImportsProcessor extends QueueProcessor {
  constructor(
    private readonly importer: PersonImporter,
    private readonly imports: ImportsRepository,
  ) {
    super('ImportJobs', 'pending imports could not be re-queued');
  }

  override onModuleInit(): void {
    this.jobs.handle(
      'imports',
      'import-persons',
      (job) => this.importPersons(job),
      (job) => this.failImport(job, 'worker_crashed', CRASHED),
    );
  }

  /** Imports whose job was lost (a Redis flush) are queued again; the job id keeps one job per import. */
  protected override onWorkerStart(): Promise<number> {
    return this.requeuePending();
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
