import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsPositive, Max, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { DOSE_STATUSES, MISSED_REASONS, type DoseStatus, type MissedReason } from '../methadone-dose.entity.js';
import { ENROLLMENT_MODES, ENROLLMENT_OUTCOMES, ENROLLMENT_TYPES, LEGAL_BASES, type EnrollmentMode, type LegalBasis, type EnrollmentOutcome, type EnrollmentType } from '../enrollment.entity.js';
import { DateField, DocumentNoField, EnumField, UuidField, stack } from '../../../common/http/fields.js';

export class CreateEnrollmentDto {
  @EnumField(ENROLLMENT_TYPES) type: EnrollmentType;
  @EnumField(ENROLLMENT_MODES, { optional: true, description: 'required for facility stays; community treatment is voluntary; none for methadone' }) mode?: EnrollmentMode;
  @UuidField({ optional: true, description: 'required for methadone (a methadone clinic) and facility (a rehabilitation facility)' }) facilityId?: string;
  @DateField({ example: '2026-03-01' }) startDate: string;
  @DateField({ optional: true, example: '2027-02-28', description: 'must respect the legal term in force on startDate' }) plannedEndDate?: string;

  @EnumField(LEGAL_BASES, {
    optional: true,
    description: 'compulsory stays only; derived from the age at the decision when absent: administrative_measure (18 or older), court_decision (a minor, Law 73/2021/QH14 Art 33)',
  })
  legalBasis?: LegalBasis;

  @DocumentNoField({ example: '12/QĐ-UBND', description: 'number of the treatment decision (voluntary: the acceptance; compulsory: the court decision); given with decisionOn' })
  decisionNo?: string;

  @DateField({ optional: true, terse: true, example: '2026-02-20', description: 'date of the treatment decision; the age at it decides the legal basis of a compulsory stay' })
  decisionOn?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0, description: 'completed treatments known from paper files only; any makes this a repeat treatment' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  priorCompletedTreatments?: number;
}

export class EndEnrollmentDto {
  @DateField({ example: '2027-02-28' }) endDate: string;
  @EnumField(ENROLLMENT_OUTCOMES) outcome: EnrollmentOutcome;

  @DocumentNoField({ example: '07/GCN', description: 'completed only: number of the completion certificate; given with certificateOn' })
  certificateNo?: string;

  @DateField({
    optional: true,
    terse: true,
    example: '2027-02-28',
    description: 'date of the completion certificate: the post-rehab file is due 3 working days later, the decision 2 more (Decree 116/2021 Arts 77-78)',
  })
  certificateOn?: string;

  @DocumentNoField({ example: '21/QĐ', description: 'completed before the legal minimum term: number of the decision that allows it; given with earlyCompletionDecisionOn' })
  earlyCompletionDecisionNo?: string;

  @DateField({ optional: true, terse: true, example: '2026-06-30', description: 'date of the decision that allows completion before the legal minimum term' })
  earlyCompletionDecisionOn?: string;
}

/** The largest dose the service accepts; far above any clinical dose, it keeps typing slips out. */
export const MAX_DOSE_MG = 1000;

/** A methadone dose in mg: more than 0, at most MAX_DOSE_MG, two decimals at most. */
export const DoseField = ({ optional, description, example }: { optional?: boolean; description?: string; example?: number }) =>
  stack(
    (optional ? ApiPropertyOptional : ApiProperty)({ description, maximum: MAX_DOSE_MG, example }),
    optional && IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }),
    IsPositive(),
    Max(MAX_DOSE_MG),
  );

export class RecordDoseDto {
  @DateField({ example: '2026-03-02' }) date: string;
  @EnumField(DOSE_STATUSES) status: DoseStatus;

  @DoseField({ optional: true, description: 'mg; required (> 0) when taken, absent when missed' }) doseMg?: number;

  @EnumField(MISSED_REASONS, {
    optional: true,
    description: 'only for a missed dose: a missed dose with a reason does not count towards self-termination (Decree 116/2021 Art 3(5))',
  })
  missedReason?: MissedReason;
}

export class DoseQuery extends PageQuery {
  @DateField({ optional: true, example: '2026-03-01', description: 'first day (inclusive)' }) from?: string;
  @DateField({ optional: true, example: '2026-03-31', description: 'last day (inclusive)' }) to?: string;
}

