import { Param, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { UploadQuery } from './dto/imports.dto.js';
import { ImportAcceptedDto, ImportDto, ImportSummaryDto } from './dto/imports.response.js';
import { ImportsService, MAX_UPLOAD_BYTES, type UploadedFile as Upload } from './imports.service.js';
import { XLSX_TYPE, fileAnswer, sendFile } from '../../common/http/file-reply.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** Bulk import of person files from registers (XLSX or CSV): administrators and commune workers. */
@ApiController('imports', { roles: ['admin', 'commune_worker'] })
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Route.get('persons/template.xlsx', { summary: 'The XLSX template to fill, with the communes the caller may import into', operationId: 'getImportTemplate', ok: fileAnswer('The template workbook', XLSX_TYPE) })
  async template(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return sendFile(reply, { body: await this.imports.template(actor), contentType: XLSX_TYPE, filename: 'mau-nhap-ho-so.xlsx' });
  }

  @Route.post('persons', { summary: 'Upload a register (XLSX or CSV, field "file") to import in the background; dryRun checks only', operationId: 'uploadImport', accepted: ImportAcceptedDto, errors: [400, 413] })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 }, defParamCharset: 'utf8' }))
  upload(@CurrentActor() actor: Actor, @Query() query: UploadQuery, @UploadedFile() file: Upload | undefined) {
    return this.imports.upload(actor, file, query.dryRun === true);
  }

  @Route.get({ summary: 'Imports, newest first: the caller’s own (administrators: all)', operationId: 'listImports', paged: ImportSummaryDto, errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<ImportSummaryDto>> {
    return this.imports.list(actor, query);
  }

  @Route.get(':id', { summary: 'One import: status, progress, counts and the first row errors', operationId: 'getImport', ok: ImportDto, errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ImportDto> {
    return this.imports.get(actor, id);
  }

  @Route.get(':id/errors.xlsx', { summary: 'The rejected rows with their values and reasons, as XLSX', operationId: 'getImportErrorReport', ok: fileAnswer('The error report workbook', XLSX_TYPE), errors: [400, 404] })
  async errors(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.imports.errorReport(actor, id);
    return sendFile(reply, { ...file, contentType: XLSX_TYPE });
  }
}
