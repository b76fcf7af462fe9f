import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
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
import { assembleReport, checkPeriod, type CoverageResult, type UnitCounts } from './coverage.arithmetic.js';
import { toCsv, toXlsx } from './coverage.export.js';
import { coverageJobId, parseCoverageJobId, type CoverageJobData } from './coverage.jobs.js';
import { fileOpenSql, reachedSql, UNIT_COUNTS_SQL } from './coverage.sql.js';
import type { CoverageExportQuery, CoveragePeriodDto, UnreachedQuery } from './dto/coverage.dto.js';

/** A stored report as the API returns it: the figures, when they were computed, and from what. */
export interface StoredCoverage extends CoverageResult {
  computedAt: string;
  jobId: string | null;
  inputs: { unitId: string; from: IsoDate; to: IsoDate; asOf: IsoDate };
}

export type CoverageJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface UnreachedPerson {
  id: string;
  caseCode: string;
  fullName: string;
  residenceUnitId: string;
  residenceUnitName: string;
  /** Latest enrollment start or service contact (any type), at any time; null if none ever. */
  lastServiceDate: IsoDate | null;
}

const UPSERT_BATCH = 500;

const STATUS_OF_STATE: Record<string, CoverageJobStatus | undefined> = {
  waiting: 'queued',
  'waiting-children': 'queued',
  prioritized: 'queued',
  delayed: 'queued', // includes a failed attempt waiting for its retry
  active: 'running',
  completed: 'done',
  failed: 'failed',
};

interface StoredRow {
  unit_id: string;
  period_from: string;
  period_to: string;
  result: CoverageResult;
  job_id: string | null;
  computed_at: Date;
}

function toStored(row: StoredRow): StoredCoverage {
  return {
    ...row.result,
    computedAt: row.computed_at.toISOString(),
    jobId: row.job_id,
    inputs: { unitId: row.unit_id, from: row.period_from, to: row.period_to, asOf: row.result.asOf },
  };
}

/**
 * Coverage reports (SPEC 8): computed by jobs with set-based SQL, stored per unit and period so
 * reading one is cheap and past periods remain for trends.
 */
@Injectable()
export class CoverageService {
  private readonly logger = new Logger('Coverage');

  constructor(
    private readonly db: DataSource,
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

  /**
   * Runs the counting statement of SPEC 8 (`UNIT_COUNTS_SQL`, parameters as documented there) in
   * the caller's transaction, without JIT compilation for the rest of it: the planner's estimates
   * for this statement are far off (hundreds of billions of rows), so PostgreSQL would spend
   * 0.5-0.8 s compiling it on every run, more than the query itself takes.
   */
  private async countUnits(
    m: EntityManager,
    params: [from: IsoDate, to: IsoDate, asOf: IsoDate, subtree: string | null, units: string[] | null],
  ): Promise<UnitCounts[]> {
    await m.query(`SET LOCAL jit = off`);
    return m.query(UNIT_COUNTS_SQL, params);
  }

  /** Computes and stores the report of one unit; undefined when the unit does not exist. */
  async computeUnit(data: CoverageJobData, jobId: string | null): Promise<StoredCoverage | undefined> {
    const asOf = this.clock.today();
    return this.db.transaction(async (m) => {
      const units: { id: string; path: string }[] = await m.query(`SELECT id, path FROM admin_units WHERE id = $1`, [data.unitId]);
      if (!units.length) return undefined;
      const wanted: { id: string }[] = await m.query(`SELECT id FROM admin_units WHERE id = $1 OR parent_id = $1`, [data.unitId]);
      const rows = await this.countUnits(m, [
        data.from,
        data.to,
        asOf,
        `${units[0].path}%`,
        wanted.map((w) => w.id),
      ]);
      const unit = rows.find((r) => r.id === data.unitId);
      if (!unit) return undefined;
      const result = assembleReport(
        unit,
        rows.filter((r) => r.parentId === data.unitId),
        { from: data.from, to: data.to, asOf },
      );
      const stored: StoredRow[] = await m.query(
        `INSERT INTO coverage_reports (unit_id, period_from, period_to, result, job_id, computed_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)
         ON CONFLICT ON CONSTRAINT uq_coverage_reports_period
         DO UPDATE SET result = EXCLUDED.result, job_id = EXCLUDED.job_id, computed_at = EXCLUDED.computed_at
         RETURNING unit_id, period_from, period_to, result, job_id, computed_at`,
        [data.unitId, data.from, data.to, JSON.stringify(result), jobId, this.clock.now()],
      );
      return toStored(stored[0]);
    });
  }

  /**
   * Computes and stores the report of every unit for one period (the monthly job): one counting
   * query for the whole country, then each unit's report is its own row plus its children's rows,
   * all stored in the transaction that counted.
   */
  async computeAllUnits(from: IsoDate, to: IsoDate, jobId: string | null): Promise<number> {
    const asOf = this.clock.today();
    const computedAt = this.clock.now();
    return this.db.transaction(async (m) => {
      const rows = await this.countUnits(m, [from, to, asOf, null, null]);
      const childrenOf = new Map<string, UnitCounts[]>();
      for (const r of rows) {
        if (!r.parentId) continue;
        const list = childrenOf.get(r.parentId) ?? [];
        list.push(r);
        childrenOf.set(r.parentId, list);
      }
      const reports = rows.map((r) => ({ unit_id: r.id, result: assembleReport(r, childrenOf.get(r.id) ?? [], { from, to, asOf }) }));
      for (let i = 0; i < reports.length; i += UPSERT_BATCH) {
        await m.query(
          `INSERT INTO coverage_reports (unit_id, period_from, period_to, result, job_id, computed_at)
           SELECT x.unit_id, $1, $2, x.result, $3, $4 FROM jsonb_to_recordset($5::jsonb) AS x(unit_id uuid, result jsonb)
           ON CONFLICT ON CONSTRAINT uq_coverage_reports_period
           DO UPDATE SET result = EXCLUDED.result, job_id = EXCLUDED.job_id, computed_at = EXCLUDED.computed_at`,
          [from, to, jobId, computedAt, JSON.stringify(reports.slice(i, i + UPSERT_BATCH))],
        );
      }
      return reports.length;
    });
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
    const rows: StoredRow[] = await this.db.query(
      `SELECT unit_id, period_from, period_to, result, job_id, computed_at
         FROM coverage_reports WHERE unit_id = $1 AND period_from = $2 AND period_to = $3`,
      [unit.id, q.from, q.to],
    );
    if (!rows.length) throw notFound('coverage report (not computed yet)');
    return toStored(rows[0]);
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
   * caller's scope. Those never served come first, then the longest unserved.
   */
  async unreached(actor: Actor, q: UnreachedQuery): Promise<Page<UnreachedPerson>> {
    checkPeriod(q.from, q.to);
    await this.heavy(actor);
    // The names and the audit row naming them in one transaction.
    return this.db.transaction(async (m) => {
      const result = await this.unreachedIn(m, actor, q);
      const personIds = result.items.map((r) => r.id);
      if (personIds.length) await this.audit.record(actor, { action: 'read', entity: 'person', meta: { view: 'unreached', personIds } }, m);
      return result;
    });
  }

  private async unreachedIn(m: EntityManager, actor: Actor, q: UnreachedQuery): Promise<Page<UnreachedPerson>> {
    const unit = await this.access.unit(actor, q.unitId, m);
    const scope = personInScope(actor, 'p');
    const base = m
      .createQueryBuilder()
      .from('persons', 'p')
      .innerJoin('admin_units', 'r', 'r.id = p.residence_unit_id')
      .where('r.path LIKE :subtree', { subtree: `${unit.path}%` })
      .andWhere(`p.status = 'addicted'`)
      .andWhere(fileOpenSql('p', ':from', ':to'), { from: q.from, to: q.to })
      .andWhere(`NOT ${reachedSql('p', ':from', ':to')}`)
      .andWhere(scope.sql, scope.params);
    const counted = await base.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await base
      .clone()
      .select([
        'p.id AS id',
        'p.case_code AS "caseCode"',
        'p.full_name AS "fullName"',
        'p.residence_unit_id AS "residenceUnitId"',
        'r.name AS "residenceUnitName"',
        `GREATEST((SELECT max(le.start_date) FROM enrollments le WHERE le.person_id = p.id),
                  (SELECT max(lc.date) FROM service_contacts lc WHERE lc.person_id = p.id)) AS "lastServiceDate"`,
      ])
      .orderBy('"lastServiceDate"', 'ASC', 'NULLS FIRST')
      .addOrderBy('p.case_code', 'ASC')
      .offset(offsetOf(q))
      .limit(q.pageSize)
      .getRawMany<UnreachedPerson>();
    return page(rows, counted?.total ?? 0, q);
  }
}
