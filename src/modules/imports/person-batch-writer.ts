import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isDataOrConflictError, violatesConstraint } from '../../common/errors/pg-errors.js';
import type { Actor } from '../../common/auth/actor.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { AppError } from '../../common/errors/app-error.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { VI } from '../../common/i18n/messages.vi.js';
import { personInScope } from '../../common/access/scope.js';
import { PersonCandidates } from '../persons/person-candidates.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { NationalIdConflicts, OutOfScopeNationalId } from '../transfers/national-id-conflicts.js';
import type { Import } from './import.entity.js';
import { BatchTaken, ImportsRepository, type BatchCounts } from './imports.repository.js';
import { changesFor, OpenFileIndex, type OpenFile, type PersonChanges, type ResolvedRow } from './person-match.js';
import { COLUMN_OF, rowValues, type RowError } from './person-rows.js';
import type { Line } from './person-validation.js';
import { PersonFileWrites } from './person-writes.js';

/** Rows per transaction: a batch is written whole or not at all. */
export const BATCH_ROWS = 500;

/** Ends a dry run's batch: what it wrote is rolled back, what it found is kept. */
class DryRunBatch extends Error {
  override name = 'DryRunBatch';
  constructor(readonly counts: BatchCounts) {
    super('dry run');
  }
}

/** PostgreSQL errors caused by the data of a batch (constraints, values, conflicts), not by the service. */
function isDataError(err: unknown): boolean {
  if (err instanceof AppError) return true;
  return isDataOrConflictError(err);
}

const FILE_ELSEWHERE: Omit<RowError, 'row'> = {
  column: COLUMN_OF.get('nationalId')!.header,
  field: 'nationalId',
  code: 'file_out_of_scope',
  message: VI.match.fileElsewhere,
};

/**
 * Batch writing: one batch of validated rows in one transaction, matched to the open files they
 * are (person-match.ts), new files created and changed files updated through the person-file
 * module's rules, with the batch's rejected rows and the import's counters. A dry run writes the
 * same way and rolls back. The files written publish `person.changed`, so their reminders are
 * re-planned once the batch commits.
 */
@Injectable()
export class PersonBatchWriter {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: DataSource,
    private readonly cipher: FieldCipher,
    private readonly imports: ImportsRepository,
    private readonly persons: PersonsRepository,
    private readonly writes: PersonFileWrites,
    private readonly events: DomainEvents,
    private readonly conflicts: NationalIdConflicts,
    private readonly candidates: PersonCandidates,
  ) {}

  /**
   * Writes one batch; returns how many files it created. `touched` carries, across the batches of
   * one run, which row first matched each open file.
   */
  async write(imp: Import, actor: Actor, batch: number, lines: Line[], width: number, touched: Map<string, number>): Promise<number> {
    try {
      return await this.db.transaction(async (m) => {
        const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
        const valid = lines.filter((l): l is Line & { row: ResolvedRow } => !!l.row);
        await this.imports.lockUnits(m, valid.map((l) => l.row.residenceUnitId));
        const files = await this.openFiles(m, actor, valid.map((l) => l.row));
        const creates: ResolvedRow[] = [];
        const updates: { line: Line; file: OpenFile; changes: PersonChanges }[] = [];
        // National ids found open outside the caller's area are capped per user and day.
        let remaining = await this.conflicts.remainingToday(actor);
        let hiddenCreates = 0;
        for (const line of valid) {
          if (line.row.nationalId && remaining <= 0) {
            line.errors.push(this.nationalIdRefused());
            continue;
          }
          const match = files.match(line.row);
          if ('error' in match) {
            line.errors.push(match.error);
            continue;
          }
          if ('elsewhere' in match) {
            // A dry run reveals nothing of files outside the caller's area: the row is taken as new.
            if (imp.dryRun) {
              hiddenCreates++;
              continue;
            }
            remaining--;
            await this.recordConflict(actor, imp, line, match.elsewhere);
            line.errors.push(FILE_ELSEWHERE);
            continue;
          }
          if (!match.file) {
            creates.push(line.row);
            continue;
          }
          const first = touched.get(match.file.id);
          if (first !== undefined && first !== line.row.row) {
            line.errors.push({ column: COLUMN_OF.get('fullName')!.header, field: 'fullName', code: 'duplicate_in_file', message: VI.match.sameFileAsRow(first) });
            continue;
          }
          touched.set(match.file.id, line.row.row);
          const changes = changesFor(line.row, match.file);
          if (Object.keys(changes).length) updates.push({ line, file: match.file, changes });
          else counts.unchanged++;
        }
        const createdIds = await this.writes.createMany(m, actor, imp.id, await this.withoutLikelyDuplicates(m, actor, creates, valid));
        for (const u of updates) {
          try {
            // A savepoint per update: a row the file rules refuse is rejected alone.
            await m.transaction((sm) => this.writes.update(sm, actor, u.file, u.changes));
          } catch (err) {
            if (!isDataError(err)) throw err;
            if (err instanceof OutOfScopeNationalId) {
              // The national id was opened elsewhere after this batch read the files (a race).
              if (imp.dryRun) continue;
              await this.recordConflict(actor, imp, u.line, err.personId);
              u.line.errors.push(FILE_ELSEWHERE);
              continue;
            }
            u.line.errors.push(this.writeError(err));
          }
        }
        counts.created = createdIds.length + hiddenCreates;
        counts.updated = updates.filter((u) => !u.line.errors.length).length;
        counts.rejected = lines.filter((l) => l.errors.length).length;
        // A dry run writes exactly as an import would, through the same rules, then rolls back.
        if (imp.dryRun) throw new DryRunBatch(counts);
        await this.recordBatch(m, imp, batch, lines.length, counts, lines.filter((l) => l.errors.length), width);
        // Updated files publish their own change (PersonsService.update); the new ones are published here.
        await this.events.personChanged(m, createdIds);
        return counts.created;
      });
    } catch (err) {
      if (err instanceof BatchTaken) return 0;
      if (err instanceof DryRunBatch) {
        await this.db.transaction((m) => this.recordBatch(m, imp, batch, lines.length, err.counts, lines.filter((l) => l.errors.length), width));
        return 0;
      }
      if (!isDataError(err)) throw err;
      this.logger.warn({ importId: imp.id, batch, errorClass: (err as Error).name }, 'import batch rolled back');
      for (const l of lines) {
        if (!l.errors.length || l.row) l.errors.push(this.writeError(err, true));
      }
      await this.db.transaction((m) =>
        this.recordBatch(m, imp, batch, lines.length, { created: 0, updated: 0, unchanged: 0, rejected: lines.length }, lines, width),
      );
      return 0;
    }
  }

  /** The open files the batch's rows may be: by national id hash, and by name, date of birth and residence. */
  private async openFiles(m: EntityManager, actor: Actor, rows: ResolvedRow[]): Promise<OpenFileIndex> {
    const hashes = new Map<string, Buffer>();
    for (const r of rows) if (r.nationalId) hashes.set(r.nationalId, this.cipher.lookupHash(r.nationalId));
    const pairs = new Map<string, [string, string]>();
    for (const r of rows) pairs.set(`${r.residenceUnitId}|${r.dateOfBirth}`, [r.residenceUnitId, r.dateOfBirth]);
    const found = await this.persons.openFilesToMatch(m, [...hashes.values()], [...pairs.values()], personInScope(actor, 'p'));
    return new OpenFileIndex(found.byHash, found.byKey, hashes, this.cipher);
  }

  /**
   * The rows to create whose person likely has an open file in the uploader's scope already (the
   * rule of `POST /persons`, persons/person-candidates.ts) are rejected with `possible_duplicate`,
   * naming those files: a file in another commune, or written without diacritics, is not created
   * twice. The rest are returned.
   */
  private async withoutLikelyDuplicates(m: EntityManager, actor: Actor, rows: ResolvedRow[], lines: (Line & { row: ResolvedRow })[]): Promise<ResolvedRow[]> {
    await this.candidates.lockBirthDays(m, rows.map((r) => r.dateOfBirth));
    const likely = await this.candidates.find(actor, rows, { likelyOnly: true, manager: m });
    return rows.filter((row, i) => {
      if (!likely[i].length) return true;
      lines.find((l) => l.row === row)!.errors.push({
        column: COLUMN_OF.get('fullName')!.header,
        field: 'fullName',
        code: 'possible_duplicate',
        message: VI.match.possibleDuplicate(likely[i].map((c) => c.caseCode)),
      });
      return false;
    });
  }

  /** Audits the finding naming the person, raises the transfer request, counts it against the cap (own transaction). */
  private async recordConflict(actor: Actor, imp: Import, line: Line & { row?: ResolvedRow }, personId: string): Promise<void> {
    await this.conflicts.record(actor, {
      personId,
      toUnitId: line.row?.residenceUnitId ?? null,
      source: 'import',
      meta: { importId: imp.id, row: line.sheet.row },
    });
  }

  private nationalIdRefused(): Omit<RowError, 'row'> {
    return { column: COLUMN_OF.get('nationalId')!.header, field: 'nationalId', code: 'national_id_refused', message: VI.match.nationalIdCapReached(this.conflicts.cap) };
  }

  private writeError(err: unknown, batch = false): Omit<RowError, 'row'> {
    const message =
      violatesConstraint(err, 'uq_persons_national_id_open')
        ? VI.write.nationalIdTaken
        : err instanceof AppError
          ? VI.write.updateRefused(err.message)
          : VI.write.failed;
    return {
      column: '',
      field: null,
      code: batch ? 'batch_failed' : 'update_refused',
      message: batch ? VI.write.batchFailed(BATCH_ROWS, message) : message,
    };
  }

  /** The batch's rejected rows, their original values encrypted, and its counts. */
  private recordBatch(m: EntityManager, imp: Import, batch: number, rows: number, counts: BatchCounts, rejected: Line[], width: number): Promise<void> {
    return this.imports.recordBatch(
      m,
      imp.id,
      batch,
      rows,
      counts,
      rejected.map((l) => ({ row: l.sheet.row, errors: l.errors, valuesCipher: this.cipher.encrypt(JSON.stringify(rowValues(l.sheet, width))) })),
    );
  }
}
