import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Access, isUuid, personInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode, forbidden, invalid, notFound } from '../../common/errors/app-error.js';
import { JobsService, QueueUnavailable } from '../../common/jobs/jobs.service.js';
import { page } from '../../common/http/paging.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import type { Role } from '../users/user.entity.js';
import { DuplicatesRepository, type DuplicatePairRow } from './duplicates.repository.js';
import { findDuplicatesJobId, parseFindDuplicatesJobId, type FindDuplicatesJobData } from './duplicates.jobs.js';
import type { DecisionDto, DuplicatePairDto, FindDuplicatesDto, PairsQuery } from './dto/duplicates.dto.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { PersonMerge, type MergeMoves } from './person-merge.js';

/**
 * Who reviews duplicates: the province office that monitors the registers, and administrators.
 * Marking a pair (and so merging two files) is the one write a province officer makes; a merge
 * creates no record, it joins two records of one person that the communes already wrote.
 */
export const REVIEWER_ROLES: readonly Role[] = ['admin', 'province_officer'];

export interface FindDuplicatesResult {
  provinceId: string;
  people: number;
  found: number;
  pending: number;
  ms: number;
}

const STATUS_OF_STATE: Record<string, string | undefined> = {
  waiting: 'queued',
  'waiting-children': 'queued',
  prioritized: 'queued',
  delayed: 'queued',
  active: 'running',
  completed: 'done',
  failed: 'failed',
};


/**
 * Likely duplicate files across a province: found by a job (nightly, or on request), listed side by
 * side for review, and marked the same person (merged) or distinct (never proposed again).
 */
@Injectable()
export class DuplicatesService {
  private readonly logger = new Logger('Duplicates');

  constructor(
    private readonly db: DataSource,
    private readonly pairs: DuplicatesRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly merges: PersonMerge,
    private readonly events: DomainEvents,
    private readonly persons: PersonsRepository,
    private readonly units: AdminUnitsRepository,
  ) {}

  // ---- the job ----

  /** Finds and stores the likely pairs of one province (the job's work). */
  async findInProvince(provinceId: string): Promise<FindDuplicatesResult | undefined> {
    const unit = await this.units.findById(provinceId);
    if (!unit || unit.level !== 'province') return undefined;
    return { provinceId, ...(await this.findPairs(provinceId, `${unit.path}%`)) };
  }

  /** The nightly job: every province in one pass. */
  async findInEveryProvince(): Promise<Omit<FindDuplicatesResult, 'provinceId'>> {
    return this.findPairs(null, null);
  }

  private async findPairs(provinceId: string | null, pattern: string | null): Promise<Omit<FindDuplicatesResult, 'provinceId'>> {
    const started = performance.now();
    const { found, people } = await this.pairs.findAndStore(provinceId, pattern);
    const ms = Math.round(performance.now() - started);
    const n = await this.pairs.countPending(provinceId);
    this.logger.log({ provinceId, people, found, pending: n, ms }, 'duplicates found');
    return { people, found, pending: n, ms };
  }

  // ---- requests ----

  /** Queues a search of a province; one asked while another of the same province is queued or running shares it. */
  async request(actor: Actor, dto: FindDuplicatesDto): Promise<{ jobId: string }> {
    if (!REVIEWER_ROLES.includes(actor.role)) throw forbidden();
    const provinceId = dto.provinceId ?? actor.adminUnitId;
    if (!provinceId) throw invalid('provinceId', 'is required');
    const unit = await this.access.unit(actor, provinceId);
    if (unit.level !== 'province') throw invalid('provinceId', `must be a province, not a ${unit.level}`);
    const data: FindDuplicatesJobData = { provinceId: unit.id };
    const jobId = findDuplicatesJobId(unit.id);
    try {
      await this.jobs.withQueue('duplicates', async (queue) => {
        const existing = await queue.getJob(jobId);
        if (existing) {
          const state = await existing.getState();
          if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
          await existing.remove().catch(() => undefined);
        }
        await queue.add('find-duplicates', data, { jobId });
      });
    } catch (err) {
      this.logger.warn({ errorClass: (err as Error).name }, 'duplicates job could not be queued');
      throw err instanceof QueueUnavailable ? err : new QueueUnavailable((err as Error).message);
    }
    await this.audit.record(actor, { action: 'find_duplicates', entity: 'admin_unit', entityId: unit.id, meta: { jobId } });
    return { jobId };
  }

  /** A search's state; 404 for an unknown id or a province outside the caller's scope. */
  async jobStatus(actor: Actor, jobId: string): Promise<{ jobId: string; status: string; result?: FindDuplicatesResult }> {
    if (!REVIEWER_ROLES.includes(actor.role)) throw forbidden();
    const parsed = parseFindDuplicatesJobId(jobId);
    if (!parsed) throw notFound('job');
    const [state, job] = await this.jobs.withQueue('duplicates', async (queue) => {
      const s = STATUS_OF_STATE[await queue.getJobState(jobId)];
      return [s, await queue.getJob(jobId)] as const;
    });
    if (!job || !state) throw notFound('job');
    await this.access.unit(actor, parsed.provinceId).catch(() => {
      throw notFound('job');
    });
    if (state === 'done' && job.returnvalue) return { jobId, status: state, result: job.returnvalue as FindDuplicatesResult };
    return { jobId, status: state === 'done' ? 'running' : state };
  }

  /** Pairs whose two files are both in the caller's scope, best first, the facts side by side. Each file shown is audited as read. */
  async list(actor: Actor, query: PairsQuery) {
    if (!REVIEWER_ROLES.includes(actor.role)) throw forbidden();
    const [rows, total] = await this.pairs.page(query.status, personInScope(actor, 'pa'), personInScope(actor, 'pb'), query);
    const items = await this.withFacts(this.db.manager, rows);
    await this.audit.recordMany(
      actor,
      [...new Set(rows.flatMap((r) => [r.personAId, r.personBId]))].map((id) => ({
        action: 'read',
        entity: 'person',
        entityId: id,
        meta: { view: 'duplicate_pairs' },
      })),
    );
    return page(items, total, query);
  }

  /** Marks a pending pair: `distinct` keeps both files; `same` merges them in one transaction; both files' reminders are re-planned after it commits (person.changed). */
  async decide(actor: Actor, pairId: string, dto: DecisionDto) {
    if (!REVIEWER_ROLES.includes(actor.role)) throw forbidden();
    if (!isUuid(pairId)) throw notFound('duplicate pair');
    const outcome = await this.db.transaction(async (m) => {
      const pair = await this.pairs.lock(m, pairId);
      if (!pair) throw notFound('duplicate pair');
      const files = await this.persons.lockFilesInScope(m, [pair.personAId, pair.personBId], personInScope(actor, 'p'));
      if (files.length < 2) throw notFound('duplicate pair');
      if (pair.status !== 'pending') throw new AppError(ErrorCode.PairAlreadyReviewed, `the pair was already marked ${pair.status}`);

      let moved: MergeMoves | undefined;
      let survivorId: string | null = null;
      let mergedId: string | null = null;
      if (dto.decision === 'same') {
        if (dto.survivorId && !files.some((f) => f.id === dto.survivorId)) throw invalid('survivorId', 'must be one of the two files of the pair');
        const byAge = [...files].sort(
          (x, y) => x.registered_on.localeCompare(y.registered_on) || x.created_at.getTime() - y.created_at.getTime() || x.id.localeCompare(y.id),
        );
        const survivor = dto.survivorId ? files.find((f) => f.id === dto.survivorId)! : byAge[0];
        const merged = files.find((f) => f.id !== survivor.id)!;
        moved = await this.merges.merge(m, actor, survivor, merged, pair.id);
        await this.events.personChanged(m, [survivor.id, merged.id]);
        survivorId = survivor.id;
        mergedId = merged.id;
        // Other pending pairs of the merged file: the next run proposes them again with the survivor.
        await this.pairs.dropPendingOf(m, merged.id, pair.id);
      } else {
        await this.audit.record(
          actor,
          { action: 'distinct', entity: 'duplicate_pair', entityId: pair.id, meta: { personAId: pair.personAId, personBId: pair.personBId } },
          m,
        );
      }
      const updated = await this.pairs.mark(m, pair.id, { status: dto.decision, survivorId, reviewedBy: actor.id });
      const [view] = await this.withFacts(m, [updated]);
      return { pair: view, moved, survivorId, mergedId };
    });
    return outcome.moved ? { pair: outcome.pair, moved: outcome.moved } : { pair: outcome.pair };
  }

  private async withFacts(m: EntityManager, rows: DuplicatePairRow[]): Promise<DuplicatePairDto[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.personAId, r.personBId]))];
    const facts = await this.persons.facts(m, ids);
    const byId = new Map(facts.map((f) => [f.id, f]));
    return rows.map((r) => ({
      id: r.id,
      score: r.score,
      reasons: r.reasons,
      status: r.status,
      foundAt: r.foundAt,
      reviewedBy: r.reviewedBy,
      reviewedAt: r.reviewedAt,
      survivorId: r.survivorId,
      a: byId.get(r.personAId)!,
      b: byId.get(r.personBId)!,
    }));
  }
}
