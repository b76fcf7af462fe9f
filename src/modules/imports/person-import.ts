import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { VI } from '../../common/i18n/messages.vi.js';
import { Clock } from '../../common/time/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import type { Role } from '../users/user.entity.js';
import type { Import } from './import.entity.js';
import { ImportsRepository, type FailingImport } from './imports.repository.js';
import { BATCH_ROWS, PersonBatchWriter } from './person-batch-writer.js';
import { findHeaderRow, isBlankRow, isTemplateExample, mapHeaders, type RowError, type SheetRow } from './person-rows.js';
import { PersonRowValidator } from './person-validation.js';
import { ReaderFailure, readSheet, UnreadableFile } from './sheet-reader.js';
import { Callers } from '../users/callers.js';

/**
 * A bulk load outdates the planner's statistics of `persons` long before autovacuum notices, and
 * the lookups of later batches then scan the table: it is analysed again after this many new files.
 */
const ANALYZE_EVERY_CREATED = 5_000;

export const IMPORT_ROLES: Role[] = ['admin', 'commune_worker'];

/**
 * Runs one person import (the job's orchestration): reads the stored file (sheet-reader.ts), finds
 * its header, validates every row (person-validation.ts), then writes batches of BATCH_ROWS rows
 * (person-batch-writer.ts), each in one transaction with its rejected rows and the import's
 * counters, so a retried job resumes after the last committed batch and counts nothing twice. A
 * dry run writes each batch as an import would and rolls it back, so its report is the one the
 * import would give.
 */
@Injectable()
export class PersonImporter {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly imports: ImportsRepository,
    private readonly validator: PersonRowValidator,
    private readonly batches: PersonBatchWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly callers: Callers,
  ) {}

  async run(importId: string): Promise<void> {
    const imp = await this.imports.withFile(importId);
    if (!imp || imp.status === 'done' || imp.status === 'failed' || !imp.fileBytes) return;
    await this.imports.markRunning(imp.id, this.clock.now());

    const actor = await this.loadActor(imp);
    if (!actor) return this.fail(imp, null, [{ row: 0, column: '', field: null, code: 'not_allowed', message: VI.file.uploaderNotAllowed }]);

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
        return this.fail(imp, actor, [{ row: 0, column: '', field: null, code: 'reader_failed', message: VI.file.readerFailed }]);
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
        : [{ row, column: '', field: null, code: 'missing_column', message: VI.file.noHeaderRow }];
      return this.fail(imp, actor, errors);
    }
    const dataRows = sheet.slice(headerAt + 1).filter((r) => !isBlankRow(r.cells) && !isTemplateExample(r, map));
    await this.imports.recordHeader(imp.id, map.headers, header.row, dataRows.length);

    const readMs = performance.now() - started;
    const lines = await this.validator.validate(actor, dataRows, map);
    const validateMs = performance.now() - started - readMs;
    const width = map.headers.length;
    const touched = new Map<string, number>();
    const batches = Math.ceil(lines.length / BATCH_ROWS);
    let createdSinceAnalyze = 0;
    for (let b = imp.batchesDone; b < batches; b++) {
      createdSinceAnalyze += await this.batches.write(imp, actor, b, lines.slice(b * BATCH_ROWS, (b + 1) * BATCH_ROWS), width, touched);
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

  private async finish(imp: Import, actor: Actor): Promise<void> {
    await this.db.transaction(async (m) => {
      const done = await this.imports.finish(m, imp.id, this.clock.now());
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
  async fail(imp: FailingImport, actor: Actor | null, errors: RowError[]): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.imports.fail(m, imp.id, this.clock.now(), errors))) return;
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
    const actor = await this.callers.load(imp.createdBy, { ip: imp.ip, requestId: imp.requestId, activeOnly: true });
    return actor && IMPORT_ROLES.includes(actor.role) ? actor : undefined;
  }

}
