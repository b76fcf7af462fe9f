import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsPositive, IsUUID, Max } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { DOSE_STATUSES, type DoseStatus } from '../methadone-dose.entity.js';
import {
  ENROLLMENT_MODES,
  ENROLLMENT_OUTCOMES,
  ENROLLMENT_TYPES,
  type EnrollmentMode,
  type EnrollmentOutcome,
  type EnrollmentType,
} from '../enrollment.entity.js';
import { IsCalendarDate } from '../../../common/http/calendar-date.js';

export class CreateEnrollmentDto {
  @ApiProperty({ enum: ENROLLMENT_TYPES })
  @IsIn(ENROLLMENT_TYPES)
  type: EnrollmentType;

  @ApiPropertyOptional({ enum: ENROLLMENT_MODES, description: 'required for facility stays; community treatment is voluntary; none for methadone' })
  @IsOptional()
  @IsIn(ENROLLMENT_MODES)
  mode?: EnrollmentMode;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for methadone (a methadone clinic) and facility (a rehabilitation facility)' })
  @IsOptional()
  @IsUUID()
  facilityId?: string;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-02-28', description: 'must respect the legal term in force on startDate' })
  @IsOptional()
  @IsCalendarDate()
  plannedEndDate?: string;
}

export class EndEnrollmentDto {
  @ApiProperty({ format: 'date', example: '2027-02-28' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ enum: ENROLLMENT_OUTCOMES })
  @IsIn(ENROLLMENT_OUTCOMES)
  outcome: EnrollmentOutcome;
}

/** The largest dose the service accepts; far above any clinical dose, it keeps typing slips out. */
export const MAX_DOSE_MG = 1000;

export class RecordDoseDto {
  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: DOSE_STATUSES })
  @IsIn(DOSE_STATUSES)
  status: DoseStatus;

  @ApiPropertyOptional({ description: 'mg; required (> 0) when taken, absent when missed', maximum: MAX_DOSE_MG })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(MAX_DOSE_MG)
  doseMg?: number;
}

export class DoseQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-01', description: 'first day (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-31', description: 'last day (inclusive)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

