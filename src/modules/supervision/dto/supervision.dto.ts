import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { DRUG_TESTS, SUPERVISION_OUTCOMES, VISIT_METHODS, type DrugTest, type SupervisionOutcome, type VisitMethod } from '../supervision-values.js';
import { BoolField, DateField, DocumentNoField, EnumField, TextField, UuidField } from '../../../common/http/fields.js';

/** The post-rehab management decision (Decree 116/2021 Art 78), given on create or on a change. */
class PostRehabDecisionFields {
  @DocumentNoField({ example: '15/QĐ-UBND', description: 'number of the post-rehab management decision (Decree 116/2021 Art 78); given with decisionOn' })
  decisionNo?: string;

  @DateField({ optional: true, terse: true, example: '2026-04-03', description: 'date of the post-rehab management decision; given with decisionNo' })
  decisionOn?: string;
}

export class CreateSupervisionDto extends PostRehabDecisionFields {
  @DateField({ example: '2026-04-01' }) startDate: string;

  @DateField({
    optional: true,
    description: 'overrides the default term (Law 73/2021/QH14 Art 40: 2 years after the administrative measure of compulsory treatment, 1 year otherwise)',
  })
  endDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  intervalDays?: number;

  @UuidField({ optional: true, description: 'a commune worker; defaults to the caller when a commune worker' }) supervisorUserId?: string;
  @UuidField({ optional: true, description: 'the treatment this supervision follows' }) sourceEnrollmentId?: string;
}

export class UpdateSupervisionDto extends PostRehabDecisionFields {
  @ApiProperty({ description: 'the version the client read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 366 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  intervalDays?: number;

  @DateField({ optional: true }) endDate?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  supervisorUserId?: string | null;
}

export class CreateVisitDto {
  @DateField({ example: '2026-05-02' }) visitDate: string;
  @EnumField(VISIT_METHODS) method: VisitMethod;
  @EnumField(DRUG_TESTS) drugTest: DrugTest;
  @BoolField({ optional: true, default: false }) relapse?: boolean;
  @TextField({ optional: true, clean: false, nonEmpty: false, max: 2000 }) notes?: string;
}

/** The day supervision ended: `endDate`, as on an enrollment's end, or `endedOn`, the field it is stored in; today when neither is given. */
export class EndSupervisionDto {
  @DateField({ optional: true, example: '2027-03-31', description: 'the day supervision ended (default: today)' }) endDate?: string;
  @DateField({ optional: true, example: '2027-03-31', description: 'the same as endDate, by the name of the stored field' }) endedOn?: string;
  @EnumField(SUPERVISION_OUTCOMES) outcome: SupervisionOutcome;
}

