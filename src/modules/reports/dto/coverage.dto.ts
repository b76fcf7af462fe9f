import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../common/http/calendar-date.js';
import { PageQuery } from '../../../common/http/paging.js';
import type { ExportFormat } from '../coverage.export.js';

/** Unit and period of a coverage report; `from` <= `to` and the length are checked by the service. */
export class CoveragePeriodDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'date', example: '2025-03-01', description: 'first day of the period (inclusive)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2025-03-31', description: 'last day of the period (inclusive)' })
  @IsCalendarDate()
  to: string;
}

export class CoverageExportQuery extends CoveragePeriodDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: ExportFormat = 'csv';
}

export class UnreachedQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'date', example: '2025-03-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2025-03-31' })
  @IsCalendarDate()
  to: string;
}

export class JobIdParam {
  @ApiProperty({ example: 'coverage_<unitId>_2025-03-01_2025-03-31' })
  @IsString()
  @MaxLength(200)
  jobId: string;
}
