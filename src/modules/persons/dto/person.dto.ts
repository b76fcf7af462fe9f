import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { CLOSE_REASONS, PERSON_STATUSES, SEXES, type CloseReason, type PersonStatus, type Sex } from '../person.entity.js';
import { BoolField, DateField, DocumentNoField, EnumField, TextField, TextListField, UuidField } from '../../../common/http/fields.js';

export const NATIONAL_ID = /^[0-9]{12}$/;
export const PHONE = /^[0-9+ .()-]{6,20}$/;
const nationalIdRule = Matches(NATIONAL_ID, { message: 'nationalId must be exactly 12 digits' });
const phoneRule = Matches(PHONE, { message: 'phone must be 6-20 digits, spaces or + . ( ) -' });

/** The number of the commune's management decision, written alike on create and update. */
const ManagementDecisionNo = () =>
  DocumentNoField({ nullable: true, example: '25/QĐ-UBND', description: "number of the commune's management decision" });

/** The substances a person uses, written alike on create and update. */
const Substances = (example?: string[]) => TextListField({ present: true, clean: true, maxItems: 20, max: 50, example });

export class CreatePersonDto {
  @TextField({ max: 200, example: 'Nguyễn Văn An' }) fullName: string;
  @DateField({ example: '1990-05-03' }) dateOfBirth: string;
  @EnumField(SEXES) sex: Sex;

  @ApiPropertyOptional({ example: '001090012345', description: '12 digits; unique among open files; stored encrypted', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @nationalIdRule
  nationalId?: string | null;

  @UuidField({ description: 'a commune' }) residenceUnitId: string;
  @TextField({ optional: true, nonEmpty: false, max: 500, description: 'stored encrypted', nullable: true }) address?: string | null;

  @ApiPropertyOptional({ example: '0912 345 678', description: 'stored encrypted', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @phoneRule
  phone?: string | null;

  @EnumField(PERSON_STATUSES) status: PersonStatus;

  @Substances(['heroin', 'methamphetamine']) substances?: string[];

  @DateField({ example: '2025-01-10', description: 'the day the file was opened' }) registeredOn: string;
  @DateField({ optional: true, nullable: true, description: "the commune's management decision (status using)" }) managementDecisionOn?: string | null;

  @ManagementDecisionNo() managementDecisionNo?: string | null;

  @BoolField({ present: true, default: false }) inDetention?: boolean;

  @BoolField({
    present: true,
    default: false,
    description: 'the caller has seen the likely matches (409 possible_duplicate) and states this is another person; recorded in the audit log',
  })
  confirmDistinct?: boolean;
}

/** Every field optional; `version` is the one the client read. */
export class UpdatePersonDto {
  @ApiProperty({ minimum: 1, description: 'the version read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;

  @TextField({ present: true, max: 200 }) fullName?: string;
  @DateField({ present: true }) dateOfBirth?: string;
  @EnumField(SEXES, { present: true }) sex?: Sex;

  @ApiPropertyOptional({ nullable: true, type: String, description: '12 digits; null clears it' })
  @IsOptional()
  @IsString()
  @nationalIdRule
  nationalId?: string | null;

  @UuidField({ present: true, description: 'a commune; a change is a move' }) residenceUnitId?: string;
  @TextField({ optional: true, nonEmpty: false, max: 500, nullable: true }) address?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @phoneRule
  phone?: string | null;

  @EnumField(PERSON_STATUSES, { present: true }) status?: PersonStatus;

  @Substances() substances?: string[];

  @DateField({ present: true }) registeredOn?: string;
  @DateField({ optional: true, nullable: true, description: 'a new date records a new management decision' }) managementDecisionOn?: string | null;

  @ManagementDecisionNo() managementDecisionNo?: string | null;

  @BoolField({ present: true }) inDetention?: boolean;
}

export class ClosePersonDto {
  @DateField({ description: 'not before registeredOn, not in the future' }) closedOn: string;

  @EnumField(CLOSE_REASONS, {
    description: 'management of a using person ends early (Law 73/2021/QH14 Art 23) on commune_education, reformatory, imprisoned or deceased; found addicted is a change of status instead',
  })
  closeReason: CloseReason;

  @ApiPropertyOptional({ minimum: 1, description: 'when given, a stale version answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class PersonQuery extends PageQuery {
  @UuidField({ optional: true, description: "files whose residence is this unit or below it (within the caller's scope)" }) unitId?: string;
  @EnumField(PERSON_STATUSES, { optional: true }) status?: PersonStatus;

  @ApiPropertyOptional({ description: 'part of the name (with or without diacritics) or of the case code' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @BoolField({ optional: true, query: true, description: 'true: open files only; false: closed files only' }) open?: boolean;

  @ApiPropertyOptional({
    description:
      'exact national id (12 digits); audited. Clinic and facility staff may look up any open file this way to enroll a patient',
  })
  @IsOptional()
  @IsString()
  @nationalIdRule
  nationalId?: string;

  @ApiPropertyOptional({
    description:
      'exact case code. Clinic and facility staff may look up any open file this way only together with its dateOfBirth and fullName (case codes run in sequence)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  caseCode?: string;

  @DateField({ optional: true, description: 'exact date of birth' }) dateOfBirth?: string;

  @ApiPropertyOptional({
    description:
      'the full name, compared without diacritics or case. Clinic and facility staff look up a file beyond their own patients by caseCode with dateOfBirth and fullName (or by nationalId); each lookup is limited per hour and audited',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;
}
