import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import { UNIT_LEVELS, type UnitLevel } from '../admin-units.repository.js';
import { EnumField } from '../../../common/http/fields.js';

/** PostgreSQL text cannot hold NUL, and no name or filter needs a control character: refuse them as bad input. */
const PLAIN = /^\P{Cc}*$/u;

export class CreateAdminUnitDto {
  @ApiProperty({ example: '01' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code: string;

  @ApiProperty({ example: 'Xã Tân Lập' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(PLAIN, { message: 'name must not contain control characters' })
  name: string;

  @EnumField(UNIT_LEVELS) level: UnitLevel;

  @ApiPropertyOptional({ description: 'required for districts and communes' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: 'residents, for rates per population' })
  @IsOptional()
  @IsInt()
  @Min(0)
  population?: number;
}

/** Renaming a unit or setting its population; its code, level and place in the tree stay. */
export class UpdateAdminUnitDto {
  @ApiPropertyOptional({ example: 'Xã Tân Lập' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(PLAIN, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'residents, for rates per population; null clears it' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  population?: number | null;
}

export class AdminUnitQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @EnumField(UNIT_LEVELS, { optional: true }) level?: UnitLevel;

  @ApiPropertyOptional({ description: 'only units inside this one' })
  @IsOptional()
  @IsUUID()
  withinUnitId?: string;

  @ApiPropertyOptional({ description: 'code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN, { message: 'q must not contain control characters' })
  q?: string;
}

/** An administrative unit: a province, district or commune. */
export class AdminUnitDto {
  @ApiUuid() id: string;
  @ApiProperty({ example: '01' }) code: string;
  @ApiProperty({ example: 'Xã Tân Lập' }) name: string;
  @ApiEnum(UNIT_LEVELS, 'UnitLevel') level: UnitLevel;
  @ApiUuid({ nullable: true, description: 'null for a province' }) parentId: string | null;
  @ApiInteger({ nullable: true, description: 'residents, for rates per population' }) population: number | null;
}
