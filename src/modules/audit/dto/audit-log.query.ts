import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { FilterField, UuidField, stack } from '../../../common/http/fields.js';

/** An instant, either end of the time range. */
const Instant = () => stack(ApiPropertyOptional({ description: 'ISO 8601 time, inclusive' }), IsOptional(), IsISO8601({ strict: true }));

export class AuditLogQuery extends PageQuery {
  @UuidField({ optional: true, terse: true, description: 'the acting user' }) userId?: string;
  @FilterField(64, { example: 'person' }) entity?: string;
  @FilterField(64) entityId?: string;
  @FilterField(64, { example: 'read' }) action?: string;
  @Instant() from?: string;
  @Instant() to?: string;
}
