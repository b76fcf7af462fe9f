import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import type { ExportFormat } from '../coverage.export.js';
import { MONTHLY_FIGURES, MONTHLY_SHARES, type MonthlyFigureKey, type MonthlyShareKey } from '../monthly-figures.js';
import { TREND_INDICATORS, type TrendIndicator } from '../monthly-trends.js';
import { BoolField, EnumField, TextField, UuidField } from '../../../common/http/fields.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthMessage = (field: string) => ({ message: `${field} must be a month as YYYY-MM` });

// ---- requests ----

export class MonthlyReportQuery {
  @UuidField({ description: 'a commune' }) unitId: string;

  @ApiProperty({ example: '2025-03', description: 'the month, YYYY-MM' })
  @Matches(MONTH, monthMessage('month'))
  month: string;
}

export class MonthlyRollupQuery extends MonthlyReportQuery {
  @ApiProperty({ format: 'uuid', description: 'any unit: its communes are rolled up' })
  declare unitId: string;
}

export class MonthlyExportQuery extends MonthlyRollupQuery {
  @EnumField(['csv', 'xlsx'], { optional: true, default: 'xlsx' }) format: ExportFormat = 'xlsx';
}

export class SubmitMonthlyReportDto extends MonthlyReportQuery {
  @TextField({ optional: true, clean: false, nonEmpty: false, max: 2000, plain: 'lines', description: "the commune worker's comment on the month" })
  comment?: string;

  @BoolField({ optional: true, description: 'true to submit a corrected version of a month already submitted (the old one is kept)' }) correction?: boolean;
}

export class NoticeQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2025-03' })
  @IsOptional()
  @Matches(MONTH, monthMessage('month'))
  month?: string;
}

export class TrendQuery {
  @UuidField() unitId: string;

  @ApiProperty({ enum: TREND_INDICATORS, enumName: 'TrendIndicator' })
  @IsIn(TREND_INDICATORS)
  indicator: TrendIndicator;

  @ApiPropertyOptional({ minimum: 1, maximum: 36, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(36)
  months: number = 12;

  @ApiPropertyOptional({ example: '2025-03', description: 'the last month (default: the month before this one)' })
  @IsOptional()
  @Matches(MONTH, monthMessage('to'))
  to?: string;
}

// ---- responses ----

/** Every figure of the month as a whole number under its stable key (labels: MONTHLY_FIGURES). */
export class MonthlyFiguresDto {}
for (const f of MONTHLY_FIGURES) {
  ApiProperty({ type: 'integer', minimum: 0, description: f.label })(MonthlyFiguresDto.prototype, f.key);
}
export type MonthlyFiguresView = Record<MonthlyFigureKey, number>;

export class MonthlyShareDto {
  @ApiProperty({ description: 'the exact ratio (0 without a denominator)' }) value: number;
  @ApiProperty() target: number;
  @ApiProperty() met: boolean;
}

export class MonthlySharesDto {}
for (const s of MONTHLY_SHARES) {
  ApiProperty({ type: () => MonthlyShareDto, description: `${s.label} (${s.part} / ${s.whole})` })(MonthlySharesDto.prototype, s.key);
}
export type MonthlySharesView = Record<MonthlyShareKey, MonthlyShareDto>;

export class ReportUnitDto {
  @ApiUuid() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiEnum(['province', 'district', 'commune'], 'UnitLevel') level: string;
}

export class MonthlyVersionDto {
  @ApiUuid() id: string;
  @ApiInteger({ minimum: 1 }) version: number;
  @ApiProperty({ type: () => MonthlyFiguresDto }) figures: MonthlyFiguresView;
  @ApiProperty({ type: () => MonthlySharesDto }) shares: MonthlySharesView;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiUuid() submittedBy: string;
  @ApiProperty({ description: "the submitter's full name, or username" }) submittedByName: string;
  @ApiDateTime() submittedAt: string;
}

export class SubmittedMonthlyReportDto extends MonthlyVersionDto {
  @ApiProperty({ type: () => ReportUnitDto }) unit: ReportUnitDto;
  @ApiProperty({ example: '2025-03' }) month: string;
}

export class MonthlyReportDto {
  @ApiProperty({ type: () => ReportUnitDto }) unit: ReportUnitDto;
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiDate() from: string;
  @ApiDate() to: string;
  @ApiDate({ description: 'figures taken at the end of this day (the month end, or today while the month runs)' }) asOf: string;
  @ApiDate({ description: 'the report is due by this day (the 3rd of the next month)' }) dueOn: string;
  @ApiEnum(['open', 'due', 'submitted', 'overdue'], 'MonthlyReportStatus') status: string;
  @ApiProperty({ type: () => MonthlyFiguresDto, description: 'the live draft, computed now' }) live: MonthlyFiguresView;
  @ApiProperty({ type: () => MonthlySharesDto }) liveShares: MonthlySharesView;
  @ApiProperty({ type: () => MonthlyVersionDto, nullable: true, description: 'the latest submitted version' }) submitted: MonthlyVersionDto | null;
  @ApiProperty({ type: [String], description: 'figures whose live value differs from the latest submitted one' }) differs: string[];
  @ApiProperty({ type: () => [MonthlyVersionDto], description: 'every submitted version, newest first' }) versions: MonthlyVersionDto[];
}

export class RollupCommuneDto {
  @ApiProperty({ type: () => ReportUnitDto }) unit: ReportUnitDto;
  @ApiUuid({ nullable: true }) parentId: string | null;
  @ApiProperty() submitted: boolean;
  @ApiInteger({ nullable: true }) version: number | null;
  @ApiDateTime({ nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedByName: string | null;
  @ApiProperty({ description: 'not submitted after the due day' }) overdue: boolean;
  @ApiProperty({ type: () => MonthlyFiguresDto, nullable: true }) figures: MonthlyFiguresView | null;
  @ApiProperty({ type: () => MonthlyFiguresDto }) live: MonthlyFiguresView;
  @ApiProperty({ type: [String] }) differs: string[];
}

export class RollupFigureDto {
  @ApiProperty({ enum: MONTHLY_FIGURES.map((f) => f.key), enumName: 'MonthlyFigureKey' }) key: string;
  @ApiProperty() label: string;
  @ApiInteger({ description: 'the sum of the submitted snapshots' }) submitted: number;
  @ApiInteger({ nullable: true, description: 'the live sum over the same communes, where it differs' }) live: number | null;
}

export class MonthlyRollupDto {
  @ApiProperty({ type: () => ReportUnitDto }) unit: ReportUnitDto;
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiDate() dueOn: string;
  @ApiInteger() communes: number;
  @ApiInteger() submittedCommunes: number;
  @ApiProperty({ type: () => [RollupFigureDto] }) figures: RollupFigureDto[];
  @ApiProperty({ type: () => MonthlySharesDto, description: 'from the submitted sums' }) shares: MonthlySharesView;
  @ApiProperty({ type: () => [RollupCommuneDto] }) units: RollupCommuneDto[];
}

export class MonthlyNoticeDto {
  @ApiUuid() id: string;
  @ApiEnum(['report_due', 'report_overdue'], 'MonthlyNoticeKind') kind: string;
  @ApiProperty({ type: () => ReportUnitDto }) unit: ReportUnitDto;
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiDate() dueOn: string;
  @ApiProperty() submitted: boolean;
  @ApiProperty() message: string;
  @ApiDateTime() createdAt: string;
}

export class TrendPointDto {
  @ApiProperty({ example: '2025-03' }) month: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null for a month without a stored snapshot' }) value: number | null;
}

export class TrendDto {
  @ApiProperty({ type: () => ReportUnitDto }) unit: ReportUnitDto;
  @ApiEnum(TREND_INDICATORS, 'TrendIndicator') indicator: string;
  @ApiProperty({ type: Number, nullable: true, description: 'the target of a share' }) target: number | null;
  @ApiProperty({ type: () => [TrendPointDto] }) points: TrendPointDto[];
}
