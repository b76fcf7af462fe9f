import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import type { ExportFormat } from '../coverage.export.js';
import { DateField, EnumField, UuidField } from '../../../common/http/fields.js';

/** Unit and period of a coverage report; `from` <= `to` and the length are checked by the service. */
export class CoveragePeriodDto {
  @UuidField() unitId: string;
  @DateField({ example: '2025-03-01', description: 'first day of the period (inclusive)' }) from: string;
  @DateField({ example: '2025-03-31', description: 'last day of the period (inclusive)' }) to: string;
}

export class CoverageExportQuery extends CoveragePeriodDto {
  @EnumField(['csv', 'xlsx'], { optional: true, default: 'csv' }) format: ExportFormat = 'csv';
}

export class UnreachedQuery extends PageQuery {
  @UuidField() unitId: string;
  @DateField({ example: '2025-03-01' }) from: string;
  @DateField({ example: '2025-03-31' }) to: string;
}

export class JobIdParam {
  @ApiProperty({ example: 'coverage_<unitId>_2025-03-01_2025-03-31' })
  @IsString()
  @MaxLength(200)
  jobId: string;
}
