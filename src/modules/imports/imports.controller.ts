import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { PageQuery } from '../../common/http/paging.js';
import { UploadQuery } from './dto/imports.dto.js';
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
  @ApiProduces(XLSX_TYPE)
  async template(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const body = await this.imports.template(actor);
    reply.header('content-type', XLSX_TYPE);
    reply.header('content-disposition', 'attachment; filename="mau-nhap-ho-so.xlsx"');
    reply.header('cache-control', 'no-store');
    return body;
  }

  @Post('persons')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 }, defParamCharset: 'utf8' }))
  upload(@CurrentActor() actor: Actor, @Query() query: UploadQuery, @UploadedFile() file: Upload | undefined) {
    return this.imports.upload(actor, file, query.dryRun === true);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: PageQuery) {
    return this.imports.list(actor, query);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam) {
    return this.imports.get(actor, id);
  }

  @Get(':id/errors.xlsx')
  @ApiProduces(XLSX_TYPE)
  async errors(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = await this.imports.errorReport(actor, id);
    reply.header('content-type', XLSX_TYPE);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    return file.body;
  }
}
