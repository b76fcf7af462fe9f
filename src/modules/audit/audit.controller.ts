import { Query } from '@nestjs/common';
import type { Page } from '../../common/http/paging.js';
import { AuditService } from './audit.service.js';
import { AuditLogDto } from './dto/audit-log.response.js';
import { AuditLogQuery } from './dto/audit-log.query.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

@ApiController('audit-logs', { tag: 'audit' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Route.get({ roles: ['admin'], summary: 'Audit rows by user, record, action or time, newest first', operationId: 'listAuditLogs', paged: AuditLogDto, errors: [400] })
  list(@Query() query: AuditLogQuery): Promise<Page<AuditLogDto>> {
    return this.audit.list(query);
  }
}
