import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';

/** PostgreSQL text cannot hold NUL, and no name or filter needs a control character: refuse them as bad input. */
const PLAIN = /^\P{Cc}*$/u;

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'the acting user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: 'person' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(PLAIN, { message: 'entity must not contain control characters' })
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(PLAIN, { message: 'entityId must not contain control characters' })
  entityId?: string;

  @ApiPropertyOptional({ example: 'read' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(PLAIN, { message: 'action must not contain control characters' })
  action?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 time, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 time, inclusive' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
