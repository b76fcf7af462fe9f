import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unitInScope } from '../../common/access/scope.js';
import type { Actor } from '../../common/auth/actor.js';
import { AdminUnitsRepository } from '../admin-units/admin-units.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { AppError, ErrorCode, invalid, notFound } from '../../common/errors/app-error.js';
import { page, type Page, type PageQuery } from '../../common/http/paging.js';
import { JobsService } from '../../common/jobs/jobs.service.js';
import { errorWorkbook, templateWorkbook, type RejectedRow } from './import-workbooks.js';
import { Import, type ImportStatus } from './import.entity.js';
import { importJobId, type ImportPersonsJobData } from './imports.jobs.js';
import { ImportsRepository } from './imports.repository.js';
import { cleanText } from '../../common/http/invisible.js';
import type { RowError } from './person-rows.js';
import { detectFormat } from './sheet-reader.js';

/** The largest upload: a 100,000-row register is about 7 MB as XLSX, 15 MB as CSV. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Row errors shown in an import's JSON; all of them are in its error report. */
export const ERRORS_SHOWN = 1_000;
const MAX_TEMPLATE_UNITS = 20_000;

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer?: Buffer;
}

export interface ImportSummary {
  id: string;
  kind: 'persons';
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  fileFormat: 'xlsx' | 'csv';
  fileSize: number;
  createdBy: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  progress: { done: number; total: number | null };
  counts: { created: number; updated: number; unchanged: number; rejected: number };
}

export interface ImportView extends ImportSummary {
  /** Row errors in row order (row 0: the file as a whole); at most ERRORS_SHOWN. */
  errors: RowError[];
  errorsTotal: number;
}

const summary = (i: Import): ImportSummary => ({
  id: i.id,
  kind: i.kind,
  status: i.status,
  dryRun: i.dryRun,
  fileName: i.fileName,
  fileFormat: i.fileFormat,
  fileSize: i.fileSize,
  createdBy: i.createdBy,
  createdAt: i.createdAt,
  startedAt: i.startedAt,
  finishedAt: i.finishedAt,
  progress: { done: i.processedRows, total: i.totalRows },
  counts: { created: i.createdCount, updated: i.updatedCount, unchanged: i.unchangedCount, rejected: i.rejectedCount },
});

/** The file name as shown back: no folders, no control characters, not too long. */
function displayName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = cleanText(base.replace(/\p{C}/gu, ''));
  return clean.slice(0, 200) || 'register';
}

/**
 * Person imports as the HTTP routes see them: upload (stored in the database and queued), status,
 * list, error report and template. An import belongs to the user who uploaded it; administrators
 * see every import; anyone else gets 404.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportsRepository,
    private readonly units: AdminUnitsRepository,
    private readonly jobs: JobsService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, file: UploadedFile | undefined, dryRun: boolean): Promise<{ importId: string }> {
    if (!file?.buffer) throw invalid('file', 'an XLSX or CSV file is required in the multipart field "file"');
    const format = detectFormat(file.buffer);
    if (typeof format !== 'string') throw invalid('file', format.problem);
    const importId = await this.imports.insertQueued(actor, {
      dryRun,
      fileName: displayName(file.originalname),
      format,
      size: file.size,
      bytes: file.buffer,
    });
    try {
      await this.jobs.withQueue('imports', (queue) =>
        queue.add('import-persons', { importId } satisfies ImportPersonsJobData, { jobId: importJobId(importId) }),
      );
    } catch (err) {
      // Nothing is left behind: an import without its job would stay queued.
      await this.imports.delete(importId);
      this.logger.warn({ errorClass: (err as Error).name }, 'import job could not be queued');
      throw new AppError(ErrorCode.Unavailable, 'the job queue is unavailable; try again later');
    }
    return { importId };
  }

  async get(actor: Actor, id: string): Promise<ImportView> {
    const imp = await this.own(actor, id);
    const rejected = await this.imports.rejectionErrors(imp.id, ERRORS_SHOWN);
    const counted = await this.imports.rejectionErrorCount(imp.id);
    const errors = [...imp.fileErrors, ...rejected.flatMap((r) => r.errors.map((e) => ({ row: r.row_number, ...e })))];
    return { ...summary(imp), errors: errors.slice(0, ERRORS_SHOWN), errorsTotal: imp.fileErrors.length + counted };
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<ImportSummary>> {
    const [items, total] = await this.imports.listOwn(actor, query);
    return page(items.map(summary), total, query);
  }

  /** The rejected rows with their original values and reasons, as XLSX. */
  async errorReport(actor: Actor, id: string): Promise<{ filename: string; body: Buffer }> {
    const imp = await this.own(actor, id);
    // The report holds the rejected rows decrypted (names, national ids, phones, addresses): its
    // download is audited in the transaction that reads them.
    const rows = await this.db.transaction(async (m) => {
      const found = await this.imports.rejections(m, imp.id);
      await this.audit.record(actor, { action: 'download', entity: 'import', entityId: imp.id, meta: { view: 'errors.xlsx', rows: found.length } }, m);
      return found;
    });
    const rejected: RejectedRow[] = rows.map((r) => ({
      row: r.row_number,
      errors: r.errors,
      values: JSON.parse(this.cipher.decrypt(r.values_cipher)) as string[],
    }));
    const body = await errorWorkbook(imp.headers ?? [], rejected, imp.fileErrors);
    return { filename: `loi-nhap-${imp.id.slice(0, 8)}.xlsx`, body };
  }

  /** The template, with the communes the caller may import into. */
  async template(actor: Actor): Promise<Buffer> {
    return templateWorkbook(await this.units.communesInScope(unitInScope(actor, 'u.id'), MAX_TEMPLATE_UNITS));
  }

  private async own(actor: Actor, id: string): Promise<Import> {
    const imp = await this.imports.own(actor, id);
    if (!imp) throw notFound('import');
    return imp;
  }
}
