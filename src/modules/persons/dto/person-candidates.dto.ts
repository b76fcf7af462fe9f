import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ErrorResponseDto } from '../../../common/errors/error-response.dto.js';
import { IsCalendarDate } from '../../../common/http/calendar-date.js';
import { FILE_CLOSE_REASONS, PERSON_STATUSES, SEXES, type PersonStatus, type Sex } from '../person.entity.js';
import { NATIONAL_ID } from './person.dto.js';
import { EnumField } from '../../../common/http/fields.js';

/** Who is about to be registered: name, date of birth or only the year, sex, optionally national id. */
export class CandidatesQueryDto {
  @ApiProperty({ example: 'Nguyen Van An', minLength: 1, maxLength: 200, description: 'compared without diacritics, case or extra spaces' })
  @Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '1990-05-03', format: 'date', description: 'the date of birth; or give birthYear' })
  @ValidateIf((o: CandidatesQueryDto) => o.dateOfBirth !== undefined || o.birthYear === undefined)
  @IsCalendarDate({ message: 'dateOfBirth must be a real date written YYYY-MM-DD (or give birthYear)' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: 1990, minimum: 1900, maximum: 2100, description: 'when the exact date of birth is not known' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @EnumField(SEXES, { optional: true }) sex?: Sex;

  @ApiPropertyOptional({ example: '001090012345', description: '12 digits; compared by its lookup hash, never stored or logged' })
  @IsOptional()
  @IsString()
  @Matches(NATIONAL_ID, { message: 'nationalId must be exactly 12 digits' })
  nationalId?: string;
}

/** The facts of a file shown to tell whether two files are one person; never national id, phone or address. */
export class PersonFactsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() caseCode: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ enum: SEXES }) sex: Sex;
  @ApiProperty({ format: 'uuid' }) residenceUnitId: string;
  @ApiProperty() residenceUnitName: string;
  @ApiProperty({ enum: PERSON_STATUSES }) status: PersonStatus;
  @ApiProperty({ format: 'date' }) registeredOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) closedOn: string | null;
}

/** A file that may be the same person; no national id, phone or address. */
export class PersonCandidateDto extends PersonFactsDto {
  @ApiProperty({ enum: FILE_CLOSE_REASONS, nullable: true, type: String }) closeReason: string | null;
  @ApiProperty({ description: 'whether the file carries a national id (never the id itself)' }) hasNationalId: boolean;
  @ApiProperty({ minimum: 0, maximum: 1, description: '1 for the same national id, else 0.6 x name similarity + 0.4 x (1 same date of birth, 0.5 same year)' })
  score: number;
  @ApiProperty({ description: 'an open file the likely-match rule matches: a new file needs confirmDistinct' }) likely: boolean;
  @ApiProperty({ type: [String], example: ['name', 'date_of_birth'], description: 'national_id, name, date_of_birth or birth_year' })
  reasons: string[];
}

export class PersonCandidatesDto {
  @ApiProperty({ type: [PersonCandidateDto], description: 'best first, at most 20' }) items: PersonCandidateDto[];
  @ApiProperty() total: number;
}

/** A 409 of `POST /persons`: with code `possible_duplicate`, the files the new one likely repeats. */
export class PossibleDuplicateErrorDto extends ErrorResponseDto {
  @ApiPropertyOptional({ type: [PersonCandidateDto], description: 'possible_duplicate: the open files in scope the new file likely repeats' })
  candidates?: PersonCandidateDto[];
}
