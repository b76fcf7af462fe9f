import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { UploadQuery } from './dto/imports.dto.js';
import { ImportAcceptedDto, ImportDto, ImportSummaryDto } from './dto/imports.response.js';
import { XLSX_TYPE } from './import-workbooks.js';
import { ImportsService, MAX_UPLOAD_BYTES, type UploadedFile as Upload } from './imports.service.js';

/** Bulk import of person files from registers (XLSX or CSV): administrators and commune workers. */
@ApiTags('imports')
@ApiBearerAuth()
@Roles('admin', 'commune_worker')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('persons/template.xlsx')
  @ApiOperation({ summary: 'The XLSX template to fill, with the communes the caller may import into', operationId: 'getImportTemplate' })
  @ApiOkResponse({ description: 'The template workbook', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async template(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const body = await this.imports.template(actor);
    reply.header('content-type', XLSX_TYPE);
    reply.header('content-disposition', 'attachment; filename="mau-nhap-ho-so.xlsx"');
    reply.header('cache-control', 'no-store');
    return body;
  }

  @Post('persons')
  @HttpCode(202)
  @ApiOperation({ summary: 'Upload a register (XLSX or CSV, field "file") to import in the background; dryRun checks only', operationId: 'uploadImport' })
  @ApiAcceptedResponse({ type: ImportAcceptedDto })
  @ApiErrors(400, 413)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 }, defParamCharset: 'utf8' }))
  upload(@CurrentActor() actor: Actor, @Query() query: UploadQuery, @UploadedFile() file: Upload | undefined) {
    return this.imports.upload(actor, file, query.dryRun === true);
  }

  @Get()
  @ApiOperation({ summary: 'Imports, newest first: the caller’s own (administrators: all)', operationId: 'listImports' })
  @ApiPagedResponse(ImportSummaryDto)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<ImportSummaryDto>> {
    return this.imports.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One import: status, progress, counts and the first row errors', operationId: 'getImport' })
  @ApiOkResponse({ type: ImportDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ImportDto> {
    return this.imports.get(actor, id);
  }

  @Get(':id/errors.xlsx')
  @ApiOperation({ summary: 'The rejected rows with their values and reasons, as XLSX', operationId: 'getImportErrorReport' })
  @ApiOkResponse({ description: 'The error report workbook', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 404)
  async errors(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.imports.errorReport(actor, id);
    reply.header('content-type', XLSX_TYPE);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    return file.body;
  }
}
