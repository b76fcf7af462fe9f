import { ApiProperty } from '@nestjs/swagger';
import { ApiEnum, ApiUuid } from '../../../common/http/api-docs.js';
import { PageQuery } from '../../../common/http/paging.js';
import { FACILITY_TYPES, type FacilityType } from '../../../common/access/roles.js';
import { CodeField, EnumField, NameField, UuidField } from '../../../common/http/fields.js';

export class CreateFacilityDto {
  @CodeField({ example: 'MMT-HN-01' }) code: string;
  @NameField({ example: 'Cơ sở điều trị Methadone Đống Đa' }) name: string;
  @EnumField(FACILITY_TYPES) type: FacilityType;
  @UuidField({ terse: true }) adminUnitId: string;
}

/** Renaming a facility, changing its type or the unit it sits in; its code stays. */
export class UpdateFacilityDto {
  @NameField({ optional: true, example: 'Cơ sở điều trị Methadone Đống Đa' }) name?: string;
  @EnumField(FACILITY_TYPES, { optional: true, description: 'only while no user or enrollment refers to the facility' }) type?: FacilityType;
  @UuidField({ optional: true, terse: true }) adminUnitId?: string;
}

export class FacilityQuery extends PageQuery {
  @EnumField(FACILITY_TYPES, { optional: true }) type?: FacilityType;
  @UuidField({ optional: true, terse: true, description: 'facilities located in this unit or below it' }) unitId?: string;
}

export class FacilityDto {
  @ApiUuid() id: string;
  @ApiProperty({ example: 'MMT-DD' }) code: string;
  @ApiProperty({ example: 'Cơ sở điều trị Methadone Đống Đa' }) name: string;
  @ApiEnum(FACILITY_TYPES, 'FacilityType') type: FacilityType;
  @ApiUuid({ description: 'the unit where the facility is' }) adminUnitId: string;
}
