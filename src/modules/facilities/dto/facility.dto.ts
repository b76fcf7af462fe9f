import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ApiEnum, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import { FACILITY_TYPES, type FacilityType } from '../facility.entity.js';
import { EnumField } from '../../../common/http/fields.js';

/** PostgreSQL text cannot hold NUL, and no name or filter needs a control character: refuse them as bad input. */
const PLAIN = /^\P{Cc}*$/u;

export class CreateFacilityDto {
  @ApiProperty({ example: 'MMT-HN-01' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code: string;

  @ApiProperty({ example: 'Cơ sở điều trị Methadone Đống Đa' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(PLAIN, { message: 'name must not contain control characters' })
  name: string;

  @EnumField(FACILITY_TYPES) type: FacilityType;

  @ApiProperty()
  @IsUUID()
  adminUnitId: string;
}

/** Renaming a facility, changing its type or the unit it sits in; its code stays. */
export class UpdateFacilityDto {
  @ApiPropertyOptional({ example: 'Cơ sở điều trị Methadone Đống Đa' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(PLAIN, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ enum: FACILITY_TYPES, description: 'only while no user or enrollment refers to the facility' })
  @IsOptional()
  @IsIn(FACILITY_TYPES)
  type?: FacilityType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  adminUnitId?: string;
}

export class FacilityQuery extends PageQuery {
  @EnumField(FACILITY_TYPES, { optional: true }) type?: FacilityType;

  @ApiPropertyOptional({ description: 'facilities located in this unit or below it' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class FacilityDto {
  @ApiUuid() id: string;
  @ApiProperty({ example: 'MMT-DD' }) code: string;
  @ApiProperty({ example: 'Cơ sở điều trị Methadone Đống Đa' }) name: string;
  @ApiEnum(FACILITY_TYPES, 'FacilityType') type: FacilityType;
  @ApiUuid({ description: 'the unit where the facility is' }) adminUnitId: string;
}
