import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsInt, IsOptional, Min, ValidateIf } from 'class-validator';
import { ApiEnum, ApiInteger, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import { UNIT_LEVELS, type UnitLevel } from '../admin-units.repository.js';
import { CodeField, EnumField, FilterField, NameField, UuidField } from '../../../common/http/fields.js';

export class CreateAdminUnitDto {
  @CodeField({ example: '01' }) code: string;
  @NameField({ example: 'Xã Tân Lập' }) name: string;

  @EnumField(UNIT_LEVELS) level: UnitLevel;

  @UuidField({ optional: true, terse: true, description: 'required for districts and communes' }) parentId?: string;

  @ApiPropertyOptional({ description: 'residents, for rates per population' })
  @IsOptional()
  @IsInt()
  @Min(0)
  population?: number;
}

/** Renaming a unit or setting its population; its code, level and place in the tree stay. */
export class UpdateAdminUnitDto {
  @NameField({ optional: true, example: 'Xã Tân Lập' }) name?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'residents, for rates per population; null clears it' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  population?: number | null;
}

export class AdminUnitQuery extends PageQuery {
  @UuidField({ optional: true, terse: true }) parentId?: string;

  @EnumField(UNIT_LEVELS, { optional: true }) level?: UnitLevel;

  @UuidField({ optional: true, terse: true, description: 'only units inside this one' }) withinUnitId?: string;

  @FilterField(100, { description: 'code or name' }) q?: string;
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
