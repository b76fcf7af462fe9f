import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/calendar-date.js';
import { stripInvisible } from '../../../common/http/invisible.js';
import { PageQuery } from '../../../common/http/paging.js';
import { CLOSE_REASONS, PERSON_STATUSES, SEXES, type CloseReason, type PersonStatus, type Sex } from '../person.entity.js';


/** Validates the property when it is present; `null` is then refused by the other rules. */
const Present = () => ValidateIf((_o, v) => v !== undefined);

/** Unicode-normalised, trimmed text with runs of whitespace collapsed and invisible controls removed; other values pass unchanged. */
const clean = (v: unknown) => (typeof v === 'string' ? stripInvisible(v.normalize('NFC')).replace(/\s+/g, ' ').trim() : v);
const CleanText = () => Transform(({ value }) => clean(value));
const CleanTextList = () => Transform(({ value }) => (Array.isArray(value) ? value.map(clean) : value));

export const NATIONAL_ID = /^[0-9]{12}$/;
export const PHONE = /^[0-9+ .()-]{6,20}$/;
const nationalIdRule = Matches(NATIONAL_ID, { message: 'nationalId must be exactly 12 digits' });
const phoneRule = Matches(PHONE, { message: 'phone must be 6-20 digits, spaces or + . ( ) -' });

export class CreatePersonDto {
  @ApiProperty({ example: 'Nguyễn Văn An', minLength: 1, maxLength: 200 })
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: '1990-05-03', format: 'date' })
  @IsCalendarDate()
  dateOfBirth: string;

  @ApiProperty({ enum: SEXES })
  @IsIn(SEXES)
  sex: Sex;

  @ApiPropertyOptional({ example: '001090012345', description: '12 digits; unique among open files; stored encrypted', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @nationalIdRule
  nationalId?: string | null;

  @ApiProperty({ format: 'uuid', description: 'a commune' })
  @IsUUID()
  residenceUnitId: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'stored encrypted', nullable: true, type: String })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ example: '0912 345 678', description: 'stored encrypted', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @phoneRule
  phone?: string | null;

  @ApiProperty({ enum: PERSON_STATUSES })
  @IsIn(PERSON_STATUSES)
  status: PersonStatus;

  @ApiPropertyOptional({ type: [String], maxItems: 20, example: ['heroin', 'methamphetamine'] })
  @Present()
  @CleanTextList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  substances?: string[];

  @ApiProperty({ example: '2025-01-10', format: 'date', description: 'the day the file was opened' })
  @IsCalendarDate()
  registeredOn: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: "the commune's management decision (status using)" })
  @IsOptional()
  @IsCalendarDate()
  managementDecisionOn?: string | null;

  @ApiPropertyOptional({ default: false })
  @Present()
  @IsBoolean()
  inDetention?: boolean;
}

/** Every field optional; `version` is the one the client read. */
export class UpdatePersonDto {
  @ApiProperty({ minimum: 1, description: 'the version read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @Present()
  @CleanText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ format: 'date' })
  @Present()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ enum: SEXES })
  @Present()
  @IsIn(SEXES)
  sex?: Sex;

  @ApiPropertyOptional({ nullable: true, type: String, description: '12 digits; null clears it' })
  @IsOptional()
  @IsString()
  @nationalIdRule
  nationalId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'a commune; a change is a move' })
  @Present()
  @IsUUID()
  residenceUnitId?: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @CleanText()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @phoneRule
  phone?: string | null;

  @ApiPropertyOptional({ enum: PERSON_STATUSES })
  @Present()
  @IsIn(PERSON_STATUSES)
  status?: PersonStatus;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @Present()
  @CleanTextList()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  substances?: string[];

  @ApiPropertyOptional({ format: 'date' })
  @Present()
  @IsCalendarDate()
  registeredOn?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, type: String, description: 'a new date records a new management decision' })
  @IsOptional()
  @IsCalendarDate()
  managementDecisionOn?: string | null;

  @ApiPropertyOptional()
  @Present()
  @IsBoolean()
  inDetention?: boolean;
}

export class ClosePersonDto {
  @ApiProperty({ format: 'date', description: 'not before registeredOn, not in the future' })
  @IsCalendarDate()
  closedOn: string;

  @ApiProperty({ enum: CLOSE_REASONS })
  @IsIn(CLOSE_REASONS)
  closeReason: CloseReason;

  @ApiPropertyOptional({ minimum: 1, description: 'when given, a stale version answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class PersonQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "files whose residence is this unit or below it (within the caller's scope)" })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: PERSON_STATUSES })
  @IsOptional()
  @IsIn(PERSON_STATUSES)
  status?: PersonStatus;

  @ApiPropertyOptional({ description: 'part of the name (with or without diacritics) or of the case code' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: open files only; false: closed files only' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  open?: boolean;

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

  @ApiPropertyOptional({ format: 'date', description: 'exact date of birth' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

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
