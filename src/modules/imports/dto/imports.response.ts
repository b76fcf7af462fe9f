import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { IMPORT_STATUSES, type ImportStatus } from '../import.entity.js';
import { IMPORT_FIELDS, type ImportField, type RowErrorCode } from '../person-rows.js';

export class ImportAcceptedDto {
  @ApiUuid({ description: 'follow it with GET /imports/{id}' }) importId: string;
}

export class ImportProgressDto {
  @ApiInteger({ minimum: 0, description: 'rows processed' }) done: number;
  @ApiInteger({ nullable: true, minimum: 0, description: 'rows in the file, once read' }) total: number | null;
}

export class ImportCountsDto {
  @ApiInteger({ minimum: 0 }) created: number;
  @ApiInteger({ minimum: 0 }) updated: number;
  @ApiInteger({ minimum: 0 }) unchanged: number;
  @ApiInteger({ minimum: 0 }) rejected: number;
}

export class ImportSummaryDto {
  @ApiUuid() id: string;
  @ApiProperty({ enum: ['persons'] }) kind: 'persons';
  @ApiEnum(IMPORT_STATUSES, 'ImportStatus') status: ImportStatus;
  @ApiProperty({ description: 'checked only, nothing written' }) dryRun: boolean;
  @ApiProperty({ example: 'so-dang-ky.xlsx' }) fileName: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) fileFormat: 'xlsx' | 'csv';
  @ApiInteger({ minimum: 0, description: 'bytes' }) fileSize: number;
  @ApiUuid() createdBy: string;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime({ nullable: true }) startedAt: Date | null;
  @ApiDateTime({ nullable: true }) finishedAt: Date | null;
  @ApiProperty({ type: () => ImportProgressDto }) progress: ImportProgressDto;
  @ApiProperty({ type: () => ImportCountsDto }) counts: ImportCountsDto;
}

/** A problem with a row (row 0: the file as a whole), never quoting the value. */
export class ImportRowErrorDto {
  @ApiInteger({ minimum: 0 }) row: number;
  @ApiProperty({ description: 'the column header as the template names it' }) column: string;
  @ApiProperty({ enum: IMPORT_FIELDS, nullable: true }) field: ImportField | null;
  @ApiProperty({ type: String, example: 'invalid_date', description: 'stable snake_case code of the problem' }) code: RowErrorCode;
  @ApiProperty({ description: 'in Vietnamese, for the worker' }) message: string;
}

export class ImportDto extends ImportSummaryDto {
  @ApiProperty({ type: () => [ImportRowErrorDto], description: 'in row order; at most 1,000 (all of them are in errors.xlsx)' })
  errors: ImportRowErrorDto[];
  @ApiInteger({ minimum: 0 }) errorsTotal: number;
}
