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

/** The age from which a relapse may lead to a referral to compulsory treatment (an administrative measure for adults). */
export const ADULT_AGE = 18;

const VIEW = `
  SELECT r.id, r.person_id AS "personId", r.supervision_id AS "supervisionId", r.source, r.source_id AS "sourceId",
         to_char(r.detected_on, 'YYYY-MM-DD') AS "detectedOn", r.assigned_user_id AS "assignedUserId", r.status,
         r.decision, r.decision_note AS "decisionNote", to_char(r.decided_on, 'YYYY-MM-DD') AS "decidedOn",
         r.decided_by AS "decidedBy", r.created_at AS "createdAt", r.updated_at AS "updatedAt"
    FROM relapse_tasks r`;

type Row = Omit<RelapseTaskDto, 'adult'> & { dateOfBirth: string };
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
  ) {}

  /** Inside the caller's transaction. Returns the new task's id, or null when one is already open. */
  async raise(m: EntityManager, who: Actor | AuditContext, input: { personId: string; source: RelapseSource; sourceId: string; detectedOn: string }): Promise<string | null> {
    const supervision = await this.supervisions.activeOf(m, input.personId);
    const assignee = supervision?.supervisor_user_id ?? (await this.responsible.defaultFor(m, input.personId));
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO relapse_tasks (person_id, supervision_id, source, source_id, detected_on, assigned_user_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [input.personId, supervision?.id ?? null, input.source, input.sourceId, input.detectedOn, assignee],
    );
    if (!row) return null;
    await this.audit.record(
      who,
      { action: 'create', entity: 'relapse_task', entityId: row.id, meta: { personId: input.personId, source: input.source, sourceId: input.sourceId } },
      m,
    );
    return row.id;
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
      await m.query(
        `UPDATE relapse_tasks SET status = 'decided', decision = $2, decision_note = $3, decided_on = $4, decided_by = $5, updated_at = now() WHERE id = $1`,
        [id, dto.decision, dto.note?.normalize('NFC').trim() || null, decidedOn, actor.id],
      );
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
    const scope = personIdInScope(actor, 'r.person_id');
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `${VIEW} WHERE r.id = :relapseTaskId AND ${scope.sql}${forUpdate ? ' FOR UPDATE OF r' : ''}`,
      { relapseTaskId: id, ...scope.params },
    );
    const [row]: Omit<Row, 'dateOfBirth'>[] = await m.query(sql, params);
    if (!row) throw notFound('relapse task');
    return { ...row, dateOfBirth: (await this.persons.dateOfBirth(m, row.personId))! };
  }
}
