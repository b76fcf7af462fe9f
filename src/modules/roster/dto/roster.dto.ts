import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { ErrorCode } from '../../../common/errors/app-error.js';
import { PageQuery } from '../../../common/http/paging.js';
import { DoseField } from '../../treatment/dto/enrollment.dto.js';
import { DOSE_STATUSES, type DoseStatus, MISSED_REASONS, type MissedReason } from '../../treatment/methadone-dose.entity.js';
import { DateField, EnumField, FilterField, TextField, UuidField } from '../../../common/http/fields.js';

/** Rows one roster request may record: a large clinic's whole day. */
export const MAX_ROSTER_ROWS = 500;

/**
 * Why a dose was missed: the reasons the dose record keeps (a missed dose with a reason does not
 * count towards self-termination). The roster passes the reason through to the one dose write.
 */
export const ROSTER_MISSED_REASONS = ['sick', 'hospitalised', 'detained', 'permitted_travel', 'other'] as const;
export type RosterMissedReason = (typeof ROSTER_MISSED_REASONS)[number];

export const ROSTER_DAY_STATUSES = ['pending', 'taken', 'missed'] as const;
export type RosterDayStatus = (typeof ROSTER_DAY_STATUSES)[number];

export class RosterQuery extends PageQuery {
  @DateField({ optional: true, terse: true, example: '2026-11-20', description: 'the day (default: today); not in the future' }) date?: string;

  @UuidField({ optional: true, description: "admin only: the clinic (clinic staff see their own)" }) facilityId?: string;
  @EnumField(ROSTER_DAY_STATUSES, { optional: true, description: "the day's dose: pending (not recorded yet), taken or missed" }) status?: RosterDayStatus;

  @FilterField(100, { terse: false, plain: 'lines', description: 'name (with or without diacritics) or case code' }) q?: string;
}

export class RosterDoseRowDto {
  @UuidField() enrollmentId: string;
  @EnumField(DOSE_STATUSES) status: DoseStatus;

  @DoseField({ optional: true, description: 'mg; when taken and absent, the dose prescribed for the day; absent when missed' }) doseMg?: number;

  @EnumField(ROSTER_MISSED_REASONS, { optional: true, description: 'only for a missed dose: why it was missed, passed to the dose record' }) missedReason?: RosterMissedReason;
}

export class RecordRosterDto {
  @DateField({ terse: true, example: '2026-11-20', description: 'the day of every row; not in the future' }) date: string;

  @UuidField({ optional: true, description: 'admin only: the clinic (clinic staff record at their own)' }) facilityId?: string;

  @ApiProperty({ type: [RosterDoseRowDto], minItems: 1, maxItems: MAX_ROSTER_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ROSTER_ROWS)
  @ValidateNested({ each: true })
  @Type(() => RosterDoseRowDto)
  rows: RosterDoseRowDto[];
}

export class CreatePrescriptionDto {
  @DateField({ terse: true, example: '2026-11-20', description: 'the first day of the new dose; not before the enrollment started' }) effectiveFrom: string;
  @DoseField({ example: 60 }) doseMg: number;
  @TextField({ optional: true, clean: false, nonEmpty: false, max: 500, plain: 'lines' }) note?: string;
}

// ---- answers ----

export class PrescriptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ example: '2026-11-20' }) effectiveFrom: string;
  @ApiProperty({ example: 60 }) doseMg: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) prescribedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class PrescriptionPageDto {
  @ApiProperty({ type: [PrescriptionDto] }) items: PrescriptionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class RosterDoseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DOSE_STATUSES }) status: DoseStatus;
  @ApiProperty({ type: Number, nullable: true }) doseMg: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class RosterItemDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() caseCode: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ example: '2026-06-01' }) startDate: string;
  @ApiProperty({ type: String, nullable: true }) plannedEndDate: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the dose prescribed for the day, if any' }) prescribedDoseMg: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) prescriptionId: string | null;
  @ApiProperty({ enum: ROSTER_DAY_STATUSES }) dayStatus: RosterDayStatus;
  @ApiProperty({ type: RosterDoseDto, nullable: true, description: "the day's dose record, if recorded" }) dose: RosterDoseDto | null;
  @ApiProperty({ description: 'missed doses in a row up to the day (after the last taken one)' }) consecutiveMissedDays: number;
  @ApiProperty({ type: String, nullable: true, description: 'the last day a dose was taken, up to the day' }) lastTakenOn: string | null;
}

export class RosterCountsDto {
  @ApiProperty() pending: number;
  @ApiProperty() taken: number;
  @ApiProperty() missed: number;
}

export class RosterPageDto {
  @ApiProperty({ example: '2026-11-20' }) date: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty({ type: [RosterItemDto] }) items: RosterItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: RosterCountsDto, description: "the whole roster's day, whatever the status filter" }) counts: RosterCountsDto;
}

export class RowErrorDto {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: 'conflict' }) code: ErrorCode;
  @ApiProperty({ type: [String], example: ['the enrollment has ended; doses are recorded for active enrollments only'] }) message: string[];
}

export class RosterDoseViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty() date: string;
  @ApiProperty({ enum: DOSE_STATUSES }) status: DoseStatus;
  @ApiProperty({ type: Number, nullable: true }) doseMg: number | null;
  @ApiProperty({ enum: MISSED_REASONS, nullable: true, description: 'why a missed dose was missed' }) missedReason: MissedReason | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class RosterRowResultDto {
  @ApiProperty({ description: 'the row’s position in the request, from 0' }) index: number;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ type: RosterDoseViewDto, description: 'the dose as recorded (ok rows)' }) dose?: RosterDoseViewDto;
  @ApiPropertyOptional({ type: RowErrorDto, description: 'why the row was not recorded (failed rows)' }) error?: RowErrorDto;
}

export class RosterWriteDto {
  @ApiProperty() date: string;
  @ApiProperty({ format: 'uuid' }) facilityId: string;
  @ApiProperty() recorded: number;
  @ApiProperty() failed: number;
  @ApiProperty({ type: [RosterRowResultDto] }) results: RosterRowResultDto[];
}
