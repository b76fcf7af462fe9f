import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import type { Page } from '../../common/http/paging.js';
import { AuditService } from './audit.service.js';
import { AuditLogDto } from './dto/audit-log.response.js';
import { AuditLogQuery } from './dto/audit-log.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Audit rows by user, record, action or time, newest first', operationId: 'listAuditLogs' })
  @ApiPagedResponse(AuditLogDto)
  @ApiErrors(400)
  list(@Query() query: AuditLogQuery): Promise<Page<AuditLogDto>> {
    return this.audit.list(query);
  }
}
