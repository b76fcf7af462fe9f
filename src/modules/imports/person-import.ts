import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { personInScope, unitInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AppError } from '../../common/errors/app-error.js';
import { isDataOrConflictError, violatesConstraint } from '../../common/errors/pg-errors.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { Clock } from '../../common/time/clock.js';
import { AuditService } from '../audit/audit.service.js';
import type { Role } from '../users/user.entity.js';
import { Import } from './import.entity.js';
import { changesFor, FileDuplicates, personKey, type OpenFile, type PersonChanges, type ResolvedRow } from './person-match.js';
import {
  COLUMN_OF,
  findHeaderRow,
  isBlankRow,
  isTemplateExample,
  mapHeaders,
  readPersonRow,
  rowValues,
  type RowError,
  type SheetRow,
} from './person-rows.js';
import { PersonCandidates } from '../persons/person-candidates.js';
import { PersonFileWrites } from './person-writes.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { NationalIdConflicts, OutOfScopeNationalId } from '../transfers/national-id-conflicts.js';
import { ReaderFailure, readSheet, UnreadableFile } from './sheet-reader.js';
import { UnitDirectory, type UnitEntry } from './unit-directory.js';

/** Rows per transaction: a batch is written whole or not at all. */
export const BATCH_ROWS = 500;
/**
 * A bulk load outdates the planner's statistics of `persons` long before autovacuum notices, and
 * the lookups of later batches then scan the table: it is analysed again after this many new files.
 */
const ANALYZE_EVERY_CREATED = 5_000;

export const IMPORT_ROLES: Role[] = ['admin', 'commune_worker'];

/** Told to the uploader when the reader itself failed: the file is not at fault. */
export const READER_FAILED = 'Lỗi của hệ thống khi đọc tệp (không phải lỗi của tệp); lỗi đã được ghi lại để quản trị viên xử lý, hãy thử lại sau';

/** A row of the file with what validation made of it. */
interface Line {
  sheet: SheetRow;
  row?: ResolvedRow;
  errors: Omit<RowError, 'row'>[];
}

interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** Namespace of the advisory locks that serialise imports into the same commune. */
const UNIT_LOCK_NAMESPACE = 7_347_010;

/** Ends a dry run's batch: what it wrote is rolled back, what it found is kept. */
class DryRunBatch extends Error {
  override name = 'DryRunBatch';
  constructor(readonly counts: BatchCounts) {
    super('dry run');
  }
}

/** Another run of the same job committed this batch first (a stalled job run twice). */
class BatchTaken extends Error {
  override name = 'BatchTaken';
}

/** PostgreSQL errors caused by the data of a batch (constraints, values, conflicts), not by the service. */
function isDataError(err: unknown): boolean {
  if (err instanceof AppError) return true;
  return isDataOrConflictError(err);
}

/**
 * Runs one person import: reads the stored file, validates every row, then writes batches of
 * BATCH_ROWS rows, each in one transaction with its rejected rows and the import's counters, so a
 * retried job resumes after the last committed batch and counts nothing twice. A dry run writes
 * each batch as an import would and rolls it back, so its report is the one the import would give.
 */
@Injectable()
export class PersonImporter {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: DataSource,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly writes: PersonFileWrites,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly conflicts: NationalIdConflicts,
    private readonly candidates: PersonCandidates,
  ) {}

  async run(importId: string): Promise<void> {
    const imp = await this.db
      .getRepository(Import)
      .createQueryBuilder('i')
      .addSelect('i.fileBytes')
      .where('i.id = :importId', { importId })
      .getOne();
    if (!imp || imp.status === 'done' || imp.status === 'failed' || !imp.fileBytes) return;
    await this.db.query(`UPDATE imports SET status = 'running', started_at = coalesce(started_at, $2) WHERE id = $1`, [
      imp.id,
      this.clock.now(),
    ]);

    const actor = await this.loadActor(imp);
    if (!actor) {
      return this.fail(imp, null, [
        { row: 0, column: '', field: null, code: 'not_allowed', message: 'Người tải tệp lên không còn quyền nhập hồ sơ' },
      ]);
    }

    const started = performance.now();
    let sheet: SheetRow[];
    try {
      sheet = await readSheet(imp.fileBytes, imp.fileFormat, this.config.importLimits);
    } catch (err) {
      if (err instanceof ReaderFailure) {
        // Ours, not the file's: logged with where it broke (never the message, which may quote a cell).
        const cause = err.cause instanceof Error ? err.cause : new Error(String(err.cause));
        this.logger.error(
          { importId: imp.id, errorClass: cause.name, at: (cause.stack ?? '').split('\n').slice(1, 8).map((l) => l.trim()) },
          'the XLSX reader failed: a defect of the service, not of the file',
        );
        return this.fail(imp, actor, [{ row: 0, column: '', field: null, code: 'reader_failed', message: READER_FAILED }]);
      }
      if (!(err instanceof UnreadableFile)) throw err;
      return this.fail(imp, actor, [{ row: 0, column: '', field: null, code: err.code, message: err.message }]);
    }
    const headerAt = findHeaderRow(sheet);
    const header = sheet[headerAt];
    const { map, problems } = mapHeaders(header?.cells ?? []);
    if (!header || problems.length) {
      const row = header?.row ?? 1;
      const errors: RowError[] = header
        ? problems.map((p) => ({ row, column: p.column, field: null, code: p.code, message: p.message }))
        : [{ row, column: '', field: null, code: 'missing_column', message: 'Tệp không có dòng tiêu đề' }];
      return this.fail(imp, actor, errors);
    }
    const dataRows = sheet.slice(headerAt + 1).filter((r) => !isBlankRow(r.cells) && !isTemplateExample(r, map));
    await this.db.query(`UPDATE imports SET headers = $2, header_row = $3, total_rows = $4 WHERE id = $1`, [
      imp.id,
      map.headers,
      header.row,
      dataRows.length,
    ]);

    const readMs = performance.now() - started;
    const lines = await this.validate(actor, dataRows, map);
    const validateMs = performance.now() - started - readMs;
    const width = map.headers.length;
    const touched = new Map<string, number>();
    const batches = Math.ceil(lines.length / BATCH_ROWS);
    let createdSinceAnalyze = 0;
    for (let b = imp.batchesDone; b < batches; b++) {
      createdSinceAnalyze += await this.writeBatch(imp, actor, b, lines.slice(b * BATCH_ROWS, (b + 1) * BATCH_ROWS), width, touched);
      if (createdSinceAnalyze >= ANALYZE_EVERY_CREATED) {
        await this.db.query('ANALYZE persons');
        createdSinceAnalyze = 0;
      }
    }
    await this.finish(imp, actor);
    const ms = (n: number) => Math.round(n);
    this.logger.log(
      { importId: imp.id, dryRun: imp.dryRun, rows: lines.length, readMs: ms(readMs), validateMs: ms(validateMs), totalMs: ms(performance.now() - started) },
      'import done',
    );
  }

  // ---- validation ----

  private async validate(actor: Actor, dataRows: SheetRow[], map: ReturnType<typeof mapHeaders>['map']): Promise<Line[]> {
    const today = this.clock.today();
    const read = dataRows.map((sheet) => ({ sheet, ...readPersonRow(sheet, map, today) }));
    const units = await this.unitDirectory(
      actor,
      read.flatMap((r) => (r.person?.unitCode ? [r.person.unitCode] : [])),
      read.some((r) => r.person && !r.person.unitCode),
    );
    const duplicates = new FileDuplicates();
    return read.map(({ sheet, person, errors }): Line => {
      const strip = (e: RowError) => ({ column: e.column, field: e.field, code: e.code, message: e.message });
      if (!person) return { sheet, errors: errors.map(strip) };
      const unit = units.resolve(person.unitCode, person.unitName);
      if (!('unitId' in unit)) {
        return { sheet, errors: [{ column: COLUMN_OF.get(unit.field)!.header, field: unit.field, code: unit.code, message: unit.message }] };
      }
      const row: ResolvedRow = { ...person, residenceUnitId: unit.unitId };
      const dup = duplicates.check(row);
      if (dup.duplicateOf !== undefined) {
        const field = row.nationalId ? 'nationalId' : 'fullName';
        return {
          sheet,
          errors: [
            {
              column: COLUMN_OF.get(field)!.header,
              field,
              code: 'duplicate_in_file',
              message: `Trùng với dòng ${dup.duplicateOf} của tệp (cùng ${row.nationalId ? 'số CCCD' : 'họ tên, ngày sinh và đơn vị cư trú'})`,
            },
          ],
        };
      }
      return { sheet, row, errors: [] };
    });
  }

  /** Units named by code (any, so "outside your scope" differs from "unknown") and, if names are used, the caller's units. */
  private async unitDirectory(actor: Actor, codes: string[], byName: boolean): Promise<UnitDirectory> {
    const scope = unitInScope(actor, 'u.id');
    const base = () =>
      this.db
        .createQueryBuilder()
        .select(['u.id AS id', 'u.code AS code', 'u.name AS name', 'u.level AS level'])
        .addSelect(`(${scope.sql})`, 'inScope')
        .from('admin_units', 'u')
        .setParameters(scope.params);
    const distinct = [...new Set(codes.flatMap((c) => [c, c.toUpperCase()]))];
    const coded: UnitEntry[] = distinct.length
      ? await base()
          .where('upper(u.code) IN (:...codes)', { codes: [...new Set(distinct.map((c) => c.toUpperCase()))] })
          .getRawMany()
      : [];
    const named: UnitEntry[] = byName ? await base().where(scope.sql, scope.params).getRawMany() : [];
    return new UnitDirectory(coded, named);
  }

  // ---- writing ----

  /** Writes one batch, then plans the reminders of the files it wrote; returns how many it created. */
  private async writeBatch(imp: Import, actor: Actor, batch: number, lines: Line[], width: number, touched: Map<string, number>): Promise<number> {
    try {
      const written = await this.db.transaction(async (m) => {
        const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
        const valid = lines.filter((l): l is Line & { row: ResolvedRow } => !!l.row);
        await this.lockUnits(m, valid.map((l) => l.row.residenceUnitId));
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
            line.errors.push({
              column: COLUMN_OF.get('fullName')!.header,
              field: 'fullName',
              code: 'duplicate_in_file',
              message: `Cùng một hồ sơ với dòng ${first} của tệp`,
            });
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
        return { created: counts.created, ids: [...createdIds, ...updates.filter((u) => !u.line.errors.length).map((u) => u.file.id)] };
      });
      await this.reminders.replanForPersons(written.ids);
      return written.created;
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
        message: `Có thể trùng với hồ sơ đang mở ${likely[i].map((c) => c.caseCode).join(', ')} (cùng số CCCD, hoặc họ tên gần giống, cùng ngày sinh và giới tính); nếu là người khác, hãy mở hồ sơ qua biểu mẫu và xác nhận`,
      });
      return false;
    });
  }

  /**
   * Two imports into the same commune take turns batch by batch, so the second sees the files the
   * first has just created (rows without national id have no unique index to stop a double).
   */
  private async lockUnits(m: EntityManager, unitIds: string[]): Promise<void> {
    const units = [...new Set(unitIds)];
    if (!units.length) return;
    await m.query(
      `SELECT pg_advisory_xact_lock($1::int, k) FROM (SELECT hashtext(u) AS k FROM unnest($2::text[]) AS u ORDER BY 1) s`,
      [UNIT_LOCK_NAMESPACE, units],
    );
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
    return {
      column: COLUMN_OF.get('nationalId')!.header,
      field: 'nationalId',
      code: 'national_id_refused',
      message: `Đã đến giới hạn ${this.conflicts.cap} số CCCD trùng hồ sơ đang mở ở đơn vị khác trong ngày: dòng có số CCCD bị từ chối đến ngày mai`,
    };
  }

  private writeError(err: unknown, batch = false): Omit<RowError, 'row'> {
    const message =
      violatesConstraint(err, 'uq_persons_national_id_open')
        ? 'Số CCCD vừa được dùng cho một hồ sơ khác đang mở'
        : err instanceof AppError
          ? `Hồ sơ không cập nhật được: ${err.message}`
          : 'Lỗi khi ghi dữ liệu';
    return {
      column: '',
      field: null,
      code: batch ? 'batch_failed' : 'update_refused',
      message: batch ? `Cả nhóm ${BATCH_ROWS} dòng chứa dòng này không được ghi (${message}); hãy nhập lại tệp` : message,
    };
  }

  private async recordBatch(
    m: EntityManager,
    imp: Import,
    batch: number,
    rows: number,
    counts: BatchCounts,
    rejected: Line[],
    width: number,
  ): Promise<void> {
    if (rejected.length) {
      await m.query(
        `INSERT INTO import_rejections (import_id, row_number, errors, values_cipher)
         SELECT $1, x.row_number, x.errors, x.values_cipher
           FROM unnest($2::int[], $3::jsonb[], $4::bytea[]) AS x(row_number, errors, values_cipher)
         ON CONFLICT (import_id, row_number) DO UPDATE SET errors = EXCLUDED.errors, values_cipher = EXCLUDED.values_cipher`,
        [
          imp.id,
          rejected.map((l) => l.sheet.row),
          rejected.map((l) => JSON.stringify(l.errors)),
          rejected.map((l) => this.cipher.encrypt(JSON.stringify(rowValues(l.sheet, width)))),
        ],
      );
    }
    const result: [unknown[], number] = await m.query(
      `UPDATE imports SET batches_done = $2 + 1, processed_rows = processed_rows + $3,
              created_count = created_count + $4, updated_count = updated_count + $5,
              unchanged_count = unchanged_count + $6, rejected_count = rejected_count + $7
        WHERE id = $1 AND batches_done = $2`,
      [imp.id, batch, rows, counts.created, counts.updated, counts.unchanged, counts.rejected],
    );
    if (result[1] !== 1) throw new BatchTaken();
  }

  private async finish(imp: Import, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows: { created_count: number; updated_count: number; unchanged_count: number; rejected_count: number; total_rows: number }[][] =
        await m.query(
          `UPDATE imports SET status = 'done', finished_at = $2, file_bytes = NULL WHERE id = $1 AND status = 'running'
           RETURNING created_count, updated_count, unchanged_count, rejected_count, total_rows`,
          [imp.id, this.clock.now()],
        );
      const done = rows[0]?.[0];
      if (!done) return;
      await this.audit.record(
        actor,
        {
          action: 'import',
          entity: 'import',
          entityId: imp.id,
          meta: {
            kind: imp.kind,
            dryRun: imp.dryRun,
            status: 'done',
            rows: done.total_rows,
            created: done.created_count,
            updated: done.updated_count,
            unchanged: done.unchanged_count,
            rejected: done.rejected_count,
          },
        },
        m,
      );
    });
  }

  /** The file cannot be imported at all (or the job gave up): nothing of it is written. */
  async fail(imp: Pick<Import, 'id' | 'kind' | 'dryRun' | 'createdBy'>, actor: Actor | null, errors: RowError[]): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows: unknown[][] = await m.query(
        `UPDATE imports SET status = 'failed', finished_at = $2, file_bytes = NULL, file_errors = $3::jsonb
          WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
        [imp.id, this.clock.now(), JSON.stringify(errors)],
      );
      if (!rows[0]?.length) return;
      const who = actor ?? { id: imp.createdBy, role: null, ip: null, requestId: null };
      await this.audit.record(
        who,
        { action: 'import', entity: 'import', entityId: imp.id, meta: { kind: imp.kind, dryRun: imp.dryRun, status: 'failed', problems: errors.map((e) => e.code) } },
        m,
      );
    });
    this.logger.warn({ importId: imp.id, problems: errors.map((e) => e.code) }, 'import failed');
  }

  /** The uploader as they are now: a user locked out or moved to another role imports nothing more. */
  private async loadActor(imp: Import): Promise<Actor | undefined> {
    const rows: { id: string; role: Role; admin_unit_id: string | null; facility_id: string | null; path: string | null }[] =
      await this.db.query(
        `SELECT u.id, u.role, u.admin_unit_id, u.facility_id, a.path
           FROM users u LEFT JOIN admin_units a ON a.id = u.admin_unit_id
          WHERE u.id = $1 AND u.active`,
        [imp.createdBy],
      );
    const u = rows[0];
    if (!u || !IMPORT_ROLES.includes(u.role)) return undefined;
    return {
      id: u.id,
      role: u.role,
      adminUnitId: u.admin_unit_id,
      unitPath: u.path ?? '',
      facilityId: u.facility_id,
      sessionId: '',
      ip: imp.ip,
      requestId: imp.requestId,
    };
  }

  // ---- matching open files ----

  /** The open files the batch's rows may be: by national id hash, and by name, date of birth and residence. */
  private async openFiles(m: EntityManager, actor: Actor, rows: ResolvedRow[]): Promise<OpenFileIndex> {
    const hashes = new Map<string, Buffer>();
    for (const r of rows) if (r.nationalId) hashes.set(r.nationalId, this.cipher.lookupHash(r.nationalId));
    const pairs = new Map<string, [string, string]>();
    for (const r of rows) pairs.set(`${r.residenceUnitId}|${r.dateOfBirth}`, [r.residenceUnitId, r.dateOfBirth]);
    const scope = personInScope(actor, 'p');
    const select = () =>
      m
        .createQueryBuilder()
        .select([
          'p.id AS id',
          'p.version AS version',
          'p.full_name AS "fullName"',
          'p.date_of_birth AS "dateOfBirth"',
          'p.sex AS sex',
          'p.national_id_hash AS "nationalIdHash"',
          'p.residence_unit_id AS "residenceUnitId"',
          'p.address_cipher AS "addressCipher"',
          'p.phone_cipher AS "phoneCipher"',
          'p.status AS status',
          'p.substances AS substances',
          'p.management_decision_on AS "managementDecisionOn"',
          'p.in_detention AS "inDetention"',
        ])
        .addSelect(`(${scope.sql})`, 'inScope')
        .from('persons', 'p')
        .where('p.closed_on IS NULL')
        .setParameters(scope.params);
    const byHash: FileRow[] = hashes.size
      ? await select()
          .andWhere('p.national_id_hash IN (:...hashes)', { hashes: [...hashes.values()] })
          .getRawMany()
      : [];
    const byKey: FileRow[] = pairs.size
      ? await select()
          .innerJoin(
            '(SELECT x.u AS unit_id, x.d AS dob FROM unnest(CAST(:units AS uuid[]), CAST(:dobs AS date[])) AS x(u, d))',
            'k',
            'p.residence_unit_id = k.unit_id AND p.date_of_birth = k.dob',
          )
          .setParameter('units', [...pairs.values()].map((p) => p[0]))
          .setParameter('dobs', [...pairs.values()].map((p) => p[1]))
          .getRawMany()
      : [];
    return new OpenFileIndex(byHash, byKey, hashes, this.cipher);
  }
}

interface FileRow {
  id: string;
  version: number;
  fullName: string;
  dateOfBirth: string;
  sex: OpenFile['sex'];
  nationalIdHash: Buffer | null;
  residenceUnitId: string;
  addressCipher: Buffer | null;
  phoneCipher: Buffer | null;
  status: OpenFile['status'];
  substances: string[];
  managementDecisionOn: string | null;
  inDetention: boolean;
  inScope: boolean;
}

/** `elsewhere`: the row's national id is an open file outside the caller's area (its id). */
type Match = { file?: OpenFile } | { error: Omit<RowError, 'row'> } | { elsewhere: string };

const FILE_ELSEWHERE: Omit<RowError, 'row'> = {
  column: COLUMN_OF.get('nationalId')!.header,
  field: 'nationalId',
  code: 'file_out_of_scope',
  message: 'Số CCCD đã có hồ sơ đang mở ở đơn vị ngoài phạm vi quản lý của bạn; đã gửi đề nghị chuyển hồ sơ tới cấp quản lý chung',
};

/** Which open file, if any, a row is. */
class OpenFileIndex {
  private readonly byHash = new Map<string, FileRow>();
  private readonly byKey = new Map<string, FileRow[]>();

  constructor(
    hashRows: FileRow[],
    keyRows: FileRow[],
    private readonly hashes: Map<string, Buffer>,
    private readonly cipher: FieldCipher,
  ) {
    for (const f of hashRows) if (f.nationalIdHash) this.byHash.set(f.nationalIdHash.toString('hex'), f);
    const seen = new Set<string>();
    for (const f of keyRows) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      const key = personKey(f.fullName, f.dateOfBirth, f.residenceUnitId);
      const list = this.byKey.get(key);
      if (list) list.push(f);
      else this.byKey.set(key, [f]);
    }
  }

  match(row: ResolvedRow): Match {
    const hash = row.nationalId ? this.hashes.get(row.nationalId)! : undefined;
    if (hash) {
      const f = this.byHash.get(hash.toString('hex'));
      if (f) {
        if (!f.inScope) return { elsewhere: f.id };
        return { file: this.openFile(f, row) };
      }
    }
    const key = personKey(row.fullName, row.dateOfBirth, row.residenceUnitId);
    // A row with a national id may complete a file opened without one; never a file with another id.
    const candidates = (this.byKey.get(key) ?? []).filter((f) => f.inScope && (!hash || !f.nationalIdHash));
    if (candidates.length > 1) {
      return {
        error: {
          column: COLUMN_OF.get('fullName')!.header,
          field: 'fullName',
          code: 'ambiguous_match',
          message: `Khớp với ${candidates.length} hồ sơ đang mở cùng họ tên, ngày sinh và đơn vị cư trú: hãy thêm số CCCD`,
        },
      };
    }
    return candidates.length ? { file: this.openFile(candidates[0], row) } : {};
  }

  private openFile(f: FileRow, row: ResolvedRow): OpenFile {
    const hash = row.nationalId ? this.hashes.get(row.nationalId) : undefined;
    return {
      id: f.id,
      version: f.version,
      fullName: f.fullName,
      dateOfBirth: f.dateOfBirth,
      sex: f.sex,
      hasNationalId: !!f.nationalIdHash,
      sameNationalId: !!hash && !!f.nationalIdHash && f.nationalIdHash.equals(hash),
      residenceUnitId: f.residenceUnitId,
      // Decrypted only when the row gives a value to compare.
      address: row.address !== null ? this.cipher.decryptOptional(f.addressCipher) : null,
      phone: row.phone !== null ? this.cipher.decryptOptional(f.phoneCipher) : null,
      status: f.status,
      substances: f.substances,
      managementDecisionOn: f.managementDecisionOn,
      inDetention: f.inDetention,
    };
  }
}
