import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { SupervisionDto } from '../../supervision/dto/supervision.response.js';
import { DOSE_STATUSES, MISSED_REASONS, type DoseStatus, type MissedReason } from '../methadone-dose.entity.js';
import {
  ENROLLMENT_MODES,
  ENROLLMENT_OUTCOMES,
  ENROLLMENT_TYPES,
  type EnrollmentMode,
  type EnrollmentOutcome,
  type EnrollmentStatus,
  type EnrollmentType,
  LEGAL_BASES,
  type LegalBasis,
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
  @ApiProperty({ enum: LEGAL_BASES, nullable: true, description: 'compulsory stays: administrative_measure (18 or older at the decision) or court_decision (a minor)' })
  legalBasis: LegalBasis | null;
  @ApiInteger({ nullable: true, description: 'compulsory stays: age on the day of the decision' }) ageAtDecision: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'number of the treatment decision' }) decisionNo: string | null;
  @ApiDate({ nullable: true }) decisionOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'number of the completion certificate' }) certificateNo: string | null;
  @ApiDate({ nullable: true }) certificateOn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the decision allowing completion before the legal minimum term' }) earlyCompletionDecisionNo: string | null;
  @ApiDate({ nullable: true }) earlyCompletionDecisionOn: string | null;
  @ApiDate({ nullable: true, description: 'post-rehab file due (Decree 116/2021 Art 77)' }) postRehabFileDue: string | null;
  @ApiDate({ nullable: true, description: 'post-rehab decision due (Decree 116/2021 Art 78)' }) postRehabDecisionDue: string | null;
  @ApiInteger({ minimum: 0, description: 'completed treatments known from paper files only' }) priorCompletedOnPaper: number;
  @ApiInteger() version: number;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
}

/** The absence without a reason at the end of the current run of missed doses (Decree 116/2021 Art 3(5)). */
export class AbsenceDto {
  @ApiDate() since: string;
  @ApiInteger({ minimum: 1 }) sessions: number;
  @ApiInteger({ minimum: 0 }) workingDays: number;
  @ApiProperty({ description: 'whether the self-termination rule in force holds' }) selfTermination: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the rule applied' }) rule: string | null;
}

/** One enrollment; a methadone one carries the days missed in a row up to today. */
export class EnrollmentDetailDto extends EnrollmentDto {
  @ApiInteger({ required: false, minimum: 0, description: 'methadone enrollments only' }) consecutiveMissedDays?: number;
  @ApiProperty({
    type: () => AbsenceDto,
    required: false,
    nullable: true,
    description: 'methadone enrollments only: the missed days without a reason at the end of the current run',
  })
  absentWithoutReason?: AbsenceDto | null;
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
  @ApiProperty({ enum: MISSED_REASONS, nullable: true, description: 'why a missed dose was missed' }) missedReason: MissedReason | null;
  @ApiUuid({ nullable: true }) recordedBy: string | null;
  @ApiDateTime() createdAt: Date;
  @ApiDateTime() updatedAt: Date;
}
