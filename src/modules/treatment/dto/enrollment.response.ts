import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { SupervisionDto } from '../../supervision/dto/supervision.response.js';
import { DOSE_STATUSES, type DoseStatus } from '../methadone-dose.entity.js';
import {
  ENROLLMENT_MODES,
  ENROLLMENT_OUTCOMES,
  ENROLLMENT_TYPES,
  type EnrollmentMode,
  type EnrollmentOutcome,
  type EnrollmentStatus,
  type EnrollmentType,
} from '../enrollment.entity.js';

export class EnrollmentDto {
  @ApiUuid() id: string;
  @ApiUuid() personId: string;
  @ApiEnum(ENROLLMENT_TYPES, 'EnrollmentType') type: EnrollmentType;
  @ApiProperty({ enum: ENROLLMENT_MODES, nullable: true }) mode: EnrollmentMode | null;
  @ApiUuid({ nullable: true }) facilityId: string | null;
  @ApiDate() startDate: string;
  @ApiDate({ nullable: true }) plannedEndDate: string | null;
  @ApiDate({ nullable: true }) endDate: string | null;
  @ApiProperty({ enum: ENROLLMENT_OUTCOMES, nullable: true }) outcome: EnrollmentOutcome | null;
  @ApiEnum(['active', 'ended'], 'EnrollmentStatus') status: EnrollmentStatus;
  @ApiInteger() version: number;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
}

/** One enrollment; a methadone one carries the days missed in a row up to today. */
export class EnrollmentDetailDto extends EnrollmentDto {
  @ApiInteger({ required: false, minimum: 0, description: 'methadone enrollments only' }) consecutiveMissedDays?: number;
}

/** An ended enrollment and the supervision its completion opened, if any. */
export class EndedEnrollmentDto extends EnrollmentDto {
  @ApiProperty({ type: () => SupervisionDto, nullable: true }) supervision: SupervisionDto | null;
}

export class DoseDto {
  @ApiUuid() id: string;
  @ApiUuid() enrollmentId: string;
  @ApiDate() date: string;
  @ApiEnum(DOSE_STATUSES, 'DoseStatus') status: DoseStatus;
  @ApiProperty({ type: Number, nullable: true, example: 60, description: 'milligrams; null when missed' }) doseMg: number | null;
  @ApiUuid({ nullable: true }) recordedBy: string | null;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
}
