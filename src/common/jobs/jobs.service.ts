import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, ErrorCode } from '../errors/app-error.js';
import { WarningThrottle } from '../logging/warning-throttle.js';
import { CRASHES_BEFORE_FAILING, JOB_ATTEMPTS, JOB_BACKOFF_MS, KEEP_COMPLETED_JOBS, QUEUES, type JobName, type QueueName } from './queues.js';
import { workerRedis } from './redis.js';

export const REDIS = Symbol('REDIS');

export type JobHandler = (job: Job) => Promise<unknown>;
/** Told about a job that stopped its worker (a crash, an out-of-memory kill) CRASHES_BEFORE_FAILING times. */
export type CrashHandler = (job: Job) => Promise<void>;

interface Registered {
  handler: JobHandler;
  onCrashed?: CrashHandler;
}

/** How long a producer waits on Redis before it gives up (the database stays the truth). */
export const QUEUE_CALL_TIMEOUT_MS = 3_000;

/** A queue operation failed, or Redis did not answer in time: a 503 for an HTTP caller. */
export class QueueUnavailable extends AppError {
  override name = 'QueueUnavailable';
  constructor(readonly detail: string) {
    super(ErrorCode.Unavailable, 'the job queue is unavailable; try again later');
  }
}

/**
 * The job registry. Features register handlers in `onModuleInit`; producers call `queue(name)`.
 * Workers run only where RUN_WORKERS is on, so the API and the workers can scale apart; on
 * shutdown a worker finishes the job in hand before the process exits.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  /** Connection errors repeat on every reconnection attempt while Redis is away. */
  private readonly connectionWarnings = new WarningThrottle(60_000);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly handlers = new Map<QueueName, Map<string, Registered>>();
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis,
        prefix: this.config.queuePrefix,
        defaultJobOptions: this.defaultJobOptions(),
      });
      queue.on('error', (err) => this.warnConnection(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Runs producer calls on a queue with a bound: BullMQ waits for Redis to come back rather than
   * failing, so without it a request would hang while Redis is away. Fails at once while the
   * connection is known to be down.
   */
  async withQueue<T>(name: QueueName, fn: (queue: Queue) => Promise<T>): Promise<T> {
    const status = this.redis.status;
    if (status === 'reconnecting' || status === 'close' || status === 'end') throw new QueueUnavailable(`redis is ${status}`);
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        fn(this.queue(name)).catch((err: Error) => {
          throw err instanceof AppError ? err : new QueueUnavailable(err.message);
        }),
        new Promise<T>((_, reject) => {
          timer = setTimeout(() => reject(new QueueUnavailable('redis did not answer in time')), QUEUE_CALL_TIMEOUT_MS);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  defaultJobOptions(): JobsOptions {
    return {
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { count: KEEP_COMPLETED_JOBS },
      removeOnFail: false,
    };
  }

  /**
   * Registers the handler of a job. A job whose worker died with it in hand CRASHES_BEFORE_FAILING
   * times is not run again: it fails, and `onCrashed` may record why (BullMQ alone would retry it,
   * then fail it where no code of the feature runs).
   */
  handle<Q extends QueueName>(queue: Q, name: JobName<Q>, handler: JobHandler, onCrashed?: CrashHandler): void {
    let byName = this.handlers.get(queue);
    if (!byName) this.handlers.set(queue, (byName = new Map()));
    if (byName.has(name)) throw new Error(`job ${queue}/${name} has two handlers`);
    byName.set(name, { handler, onCrashed });
  }

  get workersRunning(): boolean {
    return this.workers.length > 0;
  }

  /** The worker of a queue in this process, if any (tests use it to kill one mid-job). */
  workerOf(queue: QueueName): Worker | undefined {
    return this.workers.find((w) => w.name === queue);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runWorkers) return;
    for (const [queue, names] of Object.entries(QUEUES) as [QueueName, readonly string[]][]) {
      const byName = this.handlers.get(queue) ?? new Map<string, Registered>();
      // Only queues that some feature serves get a worker; a queue half served is a bug.
      if (byName.size === 0) continue;
      const missing = names.filter((n) => !byName.has(n));
      if (missing.length) throw new Error(`queue ${queue} has no handler for: ${missing.join(', ')}`);
      const connection = workerRedis(this.config.redisUrl);
      this.workerConnections.push(connection);
      const worker = new Worker(queue, (job) => this.dispatch(queue, byName, job), {
        connection,
        prefix: this.config.queuePrefix,
        concurrency: 4,
        // A job whose worker died (its lock not renewed) goes back to waiting after about this.
        lockDuration: this.config.jobLockSeconds * 1000,
        stalledInterval: this.config.jobLockSeconds * 1000,
        // Taken back after each of the first crashes, then handed once more to dispatch, which fails it.
        maxStalledCount: CRASHES_BEFORE_FAILING,
      });
      worker.on('error', (err) => this.warnConnection(`worker ${queue}: ${err.message}`));
      worker.on('failed', (job, err) =>
        this.logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, errorClass: err.name }, 'job failed'),
      );
      this.workers.push(worker);
    }
  }

  private warnConnection(message: string): void {
    const text = this.connectionWarnings.pass(message);
    if (text !== null) this.logger.warn(text);
  }

  private async dispatch(queue: QueueName, byName: Map<string, Registered>, job: Job): Promise<unknown> {
    const registered = byName.get(job.name);
    if (!registered) throw new UnrecoverableError(`no handler for ${queue}/${job.name}`);
    if (job.stalledCounter >= CRASHES_BEFORE_FAILING) {
      this.logger.error({ queue, job: job.name, jobId: job.id, crashes: job.stalledCounter }, 'a job stopped its worker repeatedly: failed, not run again');
      await registered.onCrashed?.(job);
      throw new UnrecoverableError(`the job stopped its worker ${job.stalledCounter} times`);
    }
    return registered.handler(job);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // close() waits for the jobs in hand to finish.
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.workers.length = 0;
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    for (const c of this.workerConnections.splice(0)) c.disconnect();
  }
}
