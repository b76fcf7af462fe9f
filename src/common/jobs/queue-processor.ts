import { Inject, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { JobsService } from './jobs.service.js';
import type { QueueName } from './queues.js';

/** A repeatable job: its scheduler's id, its cron pattern (in TZ_NAME) and the job it adds. */
export interface JobSchedule {
  id: string;
  pattern: string;
  name: string;
  data: object;
}

/**
 * The lifecycle a feature's job processor shares with the others. Its handlers are registered when
 * the module starts (`onModuleInit`, in every process, so the registry knows them before workers
 * boot); a worker process then runs `onWorkerStart` once (keep schedules in place, queue again what
 * a Redis flush lost) without awaiting it: a Redis that is away must not stop the start, and the
 * next start tries again.
 */
export abstract class QueueProcessor implements OnModuleInit, OnApplicationBootstrap {
  @Inject(JobsService) protected readonly jobs: JobsService;
  @Inject(APP_CONFIG) protected readonly config: AppConfig;
  protected readonly logger: Logger;

  /** `name` names the logger; `startFailure` is the warning when the start step fails. */
  constructor(
    name: string,
    private readonly startFailure: string,
  ) {
    this.logger = new Logger(name);
  }

  /** Registers the feature's handlers (`this.jobs.handle`). */
  abstract onModuleInit(): void;

  /** What a worker process does once at start. */
  protected abstract onWorkerStart(): Promise<unknown>;

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    void this.onWorkerStart().catch((err: Error) => this.logger.warn({ errorClass: err.name }, this.startFailure));
  }

  /** Puts the schedules of repeatable jobs of `queue` in place; upserting one again is harmless. */
  protected async upsertSchedules(queue: QueueName, schedules: readonly JobSchedule[]): Promise<void> {
    await this.jobs.withQueue(queue, async (q) => {
      for (const s of schedules) await q.upsertJobScheduler(s.id, { pattern: s.pattern, tz: this.config.tzName }, { name: s.name, data: s.data });
    });
  }
}
