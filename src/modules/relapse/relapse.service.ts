import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid, personIdInScope } from '../../common/access/scope.js';
import type { Actor, AuditContext } from '../../common/auth/actor.js';
import { conflict, invalid, notFound } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';
import { ageOn } from '../../common/time/dates.js';
import { AuditService, writtenFields } from '../audit/audit.service.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { ResponsibleWorkers } from '../supervision/responsible-worker.js';
import { SupervisionRepository } from '../supervision/supervision.repository.js';
import type { DecideRelapseDto, RelapseSource, RelapseTaskDto } from './dto/relapse.dto.js';
import { RelapseRepository, type RelapseTaskRow } from './relapse.repository.js';

/** The age from which a relapse may lead to a referral to compulsory treatment (an administrative measure for adults). */
export const ADULT_AGE = 18;

type Row = RelapseTaskRow & { dateOfBirth: string };
const toView = ({ dateOfBirth, ...r }: Row): RelapseTaskDto => ({ ...r, adult: ageOn(dateOfBirth, r.detectedOn) >= ADULT_AGE });

/**
 * A relapse (a visit that found one, a positive drug test) raises a task for the person's
 * responsible worker: the supervisor of the active supervision, else a worker of the residence
 * commune. One open task per person: a second sign before the decision adds nothing to do. The
 * worker records the decision taken.
 */
@Injectable()
export class RelapseService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly persons: PersonsRepository,
    private readonly supervisions: SupervisionRepository,
    private readonly responsible: ResponsibleWorkers,
    private readonly tasks: RelapseRepository,
  ) {}

  /** Inside the caller's transaction. Returns the new task's id, or null when one is already open. */
  async raise(m: EntityManager, who: Actor | AuditContext, input: { personId: string; source: RelapseSource; sourceId: string; detectedOn: string }): Promise<string | null> {
    const supervision = await this.supervisions.activeOf(m, input.personId);
    const assignee = supervision?.supervisor_user_id ?? (await this.responsible.defaultFor(m, input.personId));
    const id = await this.tasks.insertOpen(m, { ...input, supervisionId: supervision?.id ?? null, assignedUserId: assignee });
    if (!id) return null;
    await this.audit.record(
      who,
      { action: 'create', entity: 'relapse_task', entityId: id, meta: { personId: input.personId, source: input.source, sourceId: input.sourceId } },
      m,
    );
    return id;
  }

  async get(actor: Actor, id: string): Promise<RelapseTaskDto> {
    const row = await this.findInScope(this.db.manager, actor, id);
    await this.audit.recordPersonRead(actor, row.personId, 'relapse_task', { relapseTaskId: id });
    return toView(row);
  }

  /** Records the decision on an open task; a referral to compulsory treatment is for adults only. */
  async decide(actor: Actor, id: string, dto: DecideRelapseDto): Promise<RelapseTaskDto> {
    return this.db.transaction(async (m) => {
      const task = await this.findInScope(m, actor, id, true);
      if (task.status !== 'open') throw conflict(`the decision was already taken (${task.decision} on ${task.decidedOn})`);
      const decidedOn = dto.decidedOn ?? this.clock.today();
      if (decidedOn > this.clock.today()) throw invalid('decidedOn', 'must not be in the future');
      if (decidedOn < task.detectedOn) throw invalid('decidedOn', `must not be before the relapse was found on ${task.detectedOn}`);
      if (dto.decision === 'refer_compulsory_treatment' && ageOn(task.dateOfBirth, decidedOn) < ADULT_AGE) {
        throw invalid('decision', `a referral to compulsory treatment is for adults (${ADULT_AGE} or older); a minor's is a court's decision`);
      }
      if (dto.decision === 'no_action' && !dto.note?.trim()) throw invalid('note', 'is required when no action is taken (say why)');
      await this.tasks.decide(m, id, { decision: dto.decision, decisionNote: dto.note?.normalize('NFC').trim() || null, decidedOn, decidedBy: actor.id });
      await this.audit.record(
        actor,
        { action: 'decide', entity: 'relapse_task', entityId: id, fields: writtenFields(dto), meta: { personId: task.personId, decision: dto.decision } },
        m,
      );
      return toView(await this.findInScope(m, actor, id));
    });
  }

  private async findInScope(m: EntityManager, actor: Actor, id: string, forUpdate = false): Promise<Row> {
    if (!isUuid(id)) throw notFound('relapse task');
    const row = await this.tasks.findInScope(m, id, personIdInScope(actor, 'r.person_id'), forUpdate);
    if (!row) throw notFound('relapse task');
    return { ...row, dateOfBirth: (await this.persons.dateOfBirth(m, row.personId))! };
  }
}
