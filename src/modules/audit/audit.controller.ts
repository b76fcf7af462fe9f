import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/decorators.js';
import { AuditService } from './audit.service.js';
import { AuditLogQuery } from './dto/audit-log.query.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-logs')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  list(@Query() query: AuditLogQuery) {
    return this.audit.list(query);
  }
}
