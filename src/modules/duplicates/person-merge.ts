import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { PersonsRepository, type MergedFile } from '../persons/persons.repository.js';
import { RemindersRepository } from '../reminders/reminders.repository.js';
import { ServiceContactsRepository } from '../service-contacts/service-contacts.repository.js';
import { SupervisionRepository } from '../supervision/supervision.repository.js';
import { TreatmentRepository } from '../treatment/treatment.repository.js';

export type { MergedFile } from '../persons/persons.repository.js';

/** What a merge moved from the merged file to the survivor. */
export interface MergeMoves {
  events: number;
  enrollments: number;
  doses: number;
  services: number;
  supervisions: number;
  followUps: number;
  visits: number;
  reminders: number;
}

const refused = (code: ErrorCode, message: string) => new AppError(code, message);

/**
 * Merges two files of one person, in the caller's transaction (rows locked by the caller): the
 * survivor keeps its case code and gains the other's history (its events, tagged with the case
 * code they came from), enrollments (with their doses), service contacts, supervisions (with their
 * follow-ups and visits) and reminders; it takes the other's national id if it had none, and the
 * earlier registration date. The other file is closed as `merged_into` the survivor on the day of
 * the merge and keeps a pointer to it.
 *
 * The rows of other features' tables are re-pointed here, in one place, through their owners'
 * repositories, because a merge must move all of them in one transaction or none.
 *
 * Refused (409): files with two different national ids (`national_id_mismatch`), a closed file
 * (`file_closed`), and two active enrollments of one type or two active supervisions
 * (`merge_conflict`: a person has one at a time; end one first).
 */
@Injectable()
export class PersonMerge {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly persons: PersonsRepository,
    private readonly services: ServiceContactsRepository,
    private readonly treatment: TreatmentRepository,
    private readonly supervision: SupervisionRepository,
    private readonly reminders: RemindersRepository,
  ) {}

  async merge(m: EntityManager, actor: Actor, survivor: MergedFile, merged: MergedFile, pairId: string): Promise<MergeMoves> {
    assertMergeable(survivor, merged);
    const overlap: string[] = [
      ...(await this.treatment.activeTypesOfBoth(m, survivor.id, merged.id)),
      ...((await this.supervision.bothActive(m, survivor.id, merged.id)) ? ['supervision'] : []),
    ];
    if (overlap.length) {
      throw refused(
        ErrorCode.MergeConflict,
        `both files have an active ${overlap.join(' and ')}; a person has one at a time: end one, then merge`,
      );
    }

    const held = await this.supervision.countFollowUpsAndVisitsOfPerson(m, merged.id);
    const moves: MergeMoves = {
      events: 0,
      enrollments: 0,
      doses: await this.treatment.countDosesOfPerson(m, merged.id),
      services: 0,
      supervisions: 0,
      followUps: held.followUps,
      visits: held.visits,
      reminders: 0,
    };
    moves.events = await this.persons.moveEvents(m, merged.id, survivor.id, merged.case_code);
    moves.enrollments = await this.treatment.movePerson(m, merged.id, survivor.id);
    moves.services = await this.services.reassignPerson(m, merged.id, survivor.id);
    moves.supervisions = await this.supervision.movePerson(m, merged.id, survivor.id);
    moves.reminders = await this.reminders.movePerson(m, merged.id, survivor.id);

    // Closed first: the survivor may then take its national id (unique among open files).
    const today = this.clock.today();
    await this.persons.closeAsMerged(m, merged.id, today, survivor.id);
    await this.persons.absorbMerged(m, survivor.id, merged);
    // The merged file's own "management ending" reminders now concern the survivor's management.
    await this.reminders.resolveAllOf(m, merged.id);

    const event = (personId: string, kind: string, data: Record<string, unknown>) =>
      this.persons.recordEvent(m, { personId, kind, eventDate: today, data, recordedBy: actor.id });
    await event(survivor.id, 'merged', { mergedPersonId: merged.id, mergedCaseCode: merged.case_code, pairId });
    await event(merged.id, 'closed', { reason: 'merged_into', mergedIntoId: survivor.id, mergedIntoCaseCode: survivor.case_code });

    const meta = { survivorId: survivor.id, mergedId: merged.id, pairId, moved: moves };
    await this.audit.recordMany(
      actor,
      [
        { action: 'merge', entity: 'person', entityId: survivor.id, fields: ['registeredOn', 'nationalId'], meta },
        { action: 'merge', entity: 'person', entityId: merged.id, fields: ['closedOn', 'closeReason', 'mergedIntoId'], meta },
      ],
      m,
    );
    return moves;
  }
}

/** Refusals that need no query: two national ids are two people; a closed file is not merged again. */
export function assertMergeable(a: MergedFile, b: MergedFile): void {
  if (a.closed_on || b.closed_on) throw refused(ErrorCode.FileClosed, 'one of the files is closed; only open files are merged');
  if (a.national_id_hash && b.national_id_hash && !a.national_id_hash.equals(b.national_id_hash)) {
    throw refused(ErrorCode.NationalIdMismatch, 'the files carry different national ids: they are two people and are not merged');
  }
}
