import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { PersonsRepository, type MergedFile } from '../persons/persons.repository.js';
import { ServiceContactsRepository } from '../service-contacts/service-contacts.repository.js';

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
 * The rows of other features' tables are re-pointed here, in one place, because a merge must move
 * all of them in one transaction or none.
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
  ) {}

  async merge(m: EntityManager, actor: Actor, survivor: MergedFile, merged: MergedFile, pairId: string): Promise<MergeMoves> {
    assertMergeable(survivor, merged);
    const overlap: { what: string }[] = await m.query(
      `SELECT e.type AS what FROM enrollments e JOIN enrollments o ON o.type = e.type AND o.status = 'active'
        WHERE e.person_id = $1 AND o.person_id = $2 AND e.status = 'active'
       UNION ALL
       SELECT 'supervision' FROM supervisions s JOIN supervisions o ON o.status = 'active'
        WHERE s.person_id = $1 AND o.person_id = $2 AND s.status = 'active'`,
      [survivor.id, merged.id],
    );
    if (overlap.length) {
      throw refused(
        ErrorCode.MergeConflict,
        `both files have an active ${overlap.map((o) => o.what).join(' and ')}; a person has one at a time: end one, then merge`,
      );
    }

    const from = [merged.id, survivor.id];
    const count = async (sql: string) => Number((await m.query(sql, [merged.id]))[0].n);
    const moves: MergeMoves = {
      events: 0,
      enrollments: 0,
      doses: await count(`SELECT count(*) AS n FROM methadone_doses d JOIN enrollments e ON e.id = d.enrollment_id WHERE e.person_id = $1`),
      services: 0,
      supervisions: 0,
      followUps: await count(`SELECT count(*) AS n FROM follow_ups f JOIN supervisions s ON s.id = f.supervision_id WHERE s.person_id = $1`),
      visits: await count(`SELECT count(*) AS n FROM visits v JOIN supervisions s ON s.id = v.supervision_id WHERE s.person_id = $1`),
      reminders: 0,
    };
    const move = async (sql: string, params: unknown[] = from) => ((await m.query(sql, params)) as [unknown, number])[1];
    moves.events = await this.persons.moveEvents(m, merged.id, survivor.id, merged.case_code);
    moves.enrollments = await move(`UPDATE enrollments SET person_id = $2, updated_at = now() WHERE person_id = $1`);
    moves.services = await this.services.reassignPerson(m, merged.id, survivor.id);
    moves.supervisions = await move(`UPDATE supervisions SET person_id = $2, updated_at = now() WHERE person_id = $1`);
    moves.reminders = await move(`UPDATE reminders SET person_id = $2 WHERE person_id = $1`);

    // Closed first: the survivor may then take its national id (unique among open files).
    const today = this.clock.today();
    await this.persons.closeAsMerged(m, merged.id, today, survivor.id);
    await this.persons.absorbMerged(m, survivor.id, merged);
    // The merged file's own "management ending" reminders now concern the survivor's management.
    await m.query(`UPDATE reminders SET status = 'resolved', resolved_at = now() WHERE subject_id = $1 AND status <> 'resolved'`, [merged.id]);

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
