import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { RateLimiter } from '../../common/access/rate-limiter.js';
import { Access, personInScope } from '../../common/access/scope.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../../common/auth/actor.js';
import { notFound } from '../../common/errors/app-error.js';
import { offsetOf, page, type Page } from '../../common/http/paging.js';
import { JobsService, QueueUnavailable } from '../../common/jobs/jobs.service.js';
import { Clock } from '../../common/time/clock.js';
import type { IsoDate } from '../../common/time/dates.js';
import { assembleReport, checkPeriod, type CoverageResult } from './coverage.arithmetic.js';
import { toCsv, toXlsx } from './coverage.export.js';
import { coverageJobId, parseCoverageJobId, type CoverageJobData } from './coverage.jobs.js';
import type { CoverageExportQuery, CoveragePeriodDto, UnreachedQuery } from './dto/coverage.dto.js';
import { ReportsRepository, type StoredCoverageRows, type UnreachedPerson } from './reports.repository.js';

/** A stored report as the API returns it: the figures, when they were computed, and from what. */
export interface StoredCoverage extends CoverageResult {
  computedAt: string;
  jobId: string | null;
  inputs: { unitId: string; from: IsoDate; to: IsoDate; asOf: IsoDate };
}

export type CoverageJobStatus = 'queued' | 'running' | 'done' | 'failed';

const STATUS_OF_STATE: Record<string, CoverageJobStatus | undefined> = {
  waiting: 'queued',
  'waiting-children': 'queued',
  prioritized: 'queued',
  delayed: 'queued', // includes a failed attempt waiting for its retry
  active: 'running',
  completed: 'done',
  failed: 'failed',
};

/** A stored report as the API returns it, assembled from its run's counts. */
function toStored(rows: StoredCoverageRows): StoredCoverage {
  return {
    ...assembleReport(rows.unit, rows.children, { from: rows.from, to: rows.to, asOf: rows.asOf }),
    computedAt: rows.computedAt.toISOString(),
    jobId: rows.jobId,
    inputs: { unitId: rows.unitId, from: rows.from, to: rows.to, asOf: rows.asOf },
  };
}

/**
 * Coverage reports (SPEC 8): computed by jobs with set-based SQL, stored per unit and period (as
 * the counts of the run that computed them) so reading one is cheap and past periods remain for trends.
 */
@Injectable()
export class CoverageService {
  private readonly logger = new Logger('Coverage');

  constructor(
    private readonly repo: ReportsRepository,
    private readonly access: Access,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Coverage jobs and the live unreached list are expensive: HEAVY_REQUESTS_PER_MINUTE per user. */
  private async heavy(actor: Actor): Promise<void> {
    await this.limiter.hit(`heavy:${actor.id}`, this.config.heavyRequestsPerMinute, 60, 'too many report requests; try again in a minute');
  }

  // ---- computing (jobs) ----

  /** The day a period's end-of-period figures are taken: its last day, or today while it runs. */
  asOf(to: IsoDate): IsoDate {
    const today = this.clock.today();
    return to < today ? to : today;
  }

  /** Computes and stores the report of one unit; undefined when the unit does not exist. */
  async computeUnit(data: CoverageJobData, jobId: string | null): Promise<StoredCoverage | undefined> {
    const asOf = this.asOf(data.to);
    const computedAt = this.clock.now();
    return this.repo.transaction(async (m) => {
      const unit = await this.repo.unit(data.unitId, m);
      if (!unit) return undefined;
      const rows = await this.repo.countUnits(m, [data.from, data.to, asOf, `${unit.path}%`, await this.repo.unitAndChildren(m, data.unitId)]);
      const own = rows.find((r) => r.id === data.unitId);
      if (!own) return undefined;
      await this.repo.storeRun(m, { from: data.from, to: data.to, asOf, jobId, computedAt }, rows, [data.unitId]);
      const children = rows.filter((r) => r.parentId === data.unitId);
      return toStored({ unitId: data.unitId, from: data.from, to: data.to, asOf, jobId, computedAt, unit: own, children });
    });
  }

  /**
   * Computes and stores the report of every unit for one period (the monthly job): one counting
   * query for the whole country, stored as one run in the transaction that counted; each unit's
   * report is its own counts row and its children's.
   */
  async computeAllUnits(from: IsoDate, to: IsoDate, jobId: string | null): Promise<number> {
    const asOf = this.asOf(to);
    const computedAt = this.clock.now();
    return this.repo.transaction(async (m) => {
      const rows = await this.repo.countUnits(m, [from, to, asOf, null, null]);
      await this.repo.storeRun(m, { from, to, asOf, jobId, computedAt }, rows, rows.map((r) => r.id));
      return rows.length;
    });
  }

  /** The months (`YYYY-MM`) from `first` to `last` (first days) with no stored report of any unit. */
  missingMonths(first: IsoDate, last: IsoDate): Promise<string[]> {
    return this.repo.missingMonths(first, last);
  }

  // ---- requests (HTTP) ----

  /** Queues a computation; a request for a unit and period already queued or running shares its job. */
  async request(actor: Actor, dto: CoveragePeriodDto): Promise<{ jobId: string }> {
    checkPeriod(dto.from, dto.to);
    await this.heavy(actor);
    const unit = await this.access.unit(actor, dto.unitId);
    const data: CoverageJobData = { unitId: unit.id, from: dto.from, to: dto.to };
    const jobId = coverageJobId(data);
    try {
      await this.jobs.withQueue('reports', async (queue) => {
        const existing = await queue.getJob(jobId);
        if (existing) {
          const state = await existing.getState();
          if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
          // A finished run keeps the id; remove it so the id can carry a new run. A concurrent request
          // may have removed it already, and its new job is then shared by the add below.
          await existing.remove().catch(() => undefined);
        }
        await queue.add('coverage', data, { jobId });
      });
    } catch (err) {
      this.logger.warn({ errorClass: (err as Error).name }, 'coverage job could not be queued');
      throw err instanceof QueueUnavailable ? err : new QueueUnavailable((err as Error).message);
    }
    return { jobId };
  }

  /** Status of a coverage job; 404 for unknown ids and for jobs of units outside the caller's scope. */
  async jobStatus(actor: Actor, jobId: string): Promise<{ jobId: string; status: CoverageJobStatus; result?: StoredCoverage }> {
    const parsed = parseCoverageJobId(jobId);
    if (!parsed) throw notFound('job');
    let job: Job | undefined;
    let status: CoverageJobStatus | undefined;
    try {
      // State before data: a job that finishes between the two reads is then reported as still
      // running, never as done without its result.
      [status, job] = await this.jobs.withQueue('reports', async (queue) => {
        let state = STATUS_OF_STATE[await queue.getJobState(jobId)];
        const found = await queue.getJob(jobId);
        if (found && state === 'done' && found.returnvalue == null) state = STATUS_OF_STATE[await found.getState()];
        if (state === 'done' && found?.returnvalue == null) state = 'running';
        return [state, found] as const;
      });
    } catch (err) {
      this.logger.warn({ errorClass: (err as Error).name }, 'coverage job status unavailable');
      throw err instanceof QueueUnavailable ? err : new QueueUnavailable((err as Error).message);
    }
    if (!job || job.name !== 'coverage' || !status) throw notFound('job');
    const data = job.data as CoverageJobData;
    await this.access.unit(actor, data.unitId).catch(() => {
      throw notFound('job');
    });
    if (status === 'done') return { jobId, status, result: job.returnvalue as StoredCoverage };
    return { jobId, status };
  }

  async stored(actor: Actor, q: CoveragePeriodDto): Promise<StoredCoverage> {
    checkPeriod(q.from, q.to);
    const unit = await this.access.unit(actor, q.unitId);
    const rows = await this.repo.storedCoverage(unit.id, q.from, q.to);
    if (!rows) throw notFound('coverage report (not computed yet)');
    return toStored(rows);
  }

  async export(actor: Actor, q: CoverageExportQuery): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const report = await this.stored(actor, q);
    const base = `bao-cao-bao-phu_${report.unit.code}_${report.from}_${report.to}`;
    if (q.format === 'xlsx') {
      return {
        body: await toXlsx(report),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${base}.xlsx`,
      };
    }
    return { body: toCsv(report), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` };
  }

  /**
   * The `withFiles` people of a unit and period who were not reached, computed live, in the
   * caller's scope, in the unit where they lived at the period's end. Those never served come first, then the longest unserved.
   */
  async unreached(actor: Actor, q: UnreachedQuery): Promise<Page<UnreachedPerson>> {
    checkPeriod(q.from, q.to);
    await this.heavy(actor);
    // The names and the audit row naming them in one transaction.
    return this.repo.transaction(async (m) => {
      const result = await this.unreachedIn(m, actor, q);
      const personIds = result.items.map((r) => r.id);
      if (personIds.length) await this.audit.record(actor, { action: 'read', entity: 'person', meta: { view: 'unreached', personIds } }, m);
      return result;
    });
  }

  private async unreachedIn(m: EntityManager, actor: Actor, q: UnreachedQuery): Promise<Page<UnreachedPerson>> {
    const unit = await this.access.unit(actor, q.unitId, m);
    const { rows, total } = await this.repo.unreached(
      m,
      { subtree: unit.path, from: q.from, to: q.to, asOf: this.asOf(q.to), offset: offsetOf(q), limit: q.pageSize },
      personInScope(actor, 'p'),
    );
    return page(rows, total, q);
  }
}
