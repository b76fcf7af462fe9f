import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateBy, type ValidationOptions } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { isIsoDate } from '../../../common/time/dates.js';
import type { ExportFormat } from '../coverage.export.js';

/** A real calendar date written `YYYY-MM-DD` (2025-02-30 is refused). */
function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property} must be a real date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** Unit and period of a coverage report; `from` <= `to` and the length are checked by the service. */
export class CoveragePeriodDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '2025-03-01', description: 'first day of the period (inclusive)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2025-03-31', description: 'last day of the period (inclusive)' })
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

  @ApiProperty({ example: '2025-03-01' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2025-03-31' })
  @IsCalendarDate()
  to: string;
}

export class JobIdParam {
  @ApiProperty({ example: 'coverage_<unitId>_2025-03-01_2025-03-31' })
  @IsString()
  @MaxLength(200)
  jobId: string;
}
