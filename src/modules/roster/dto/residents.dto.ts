import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiDate, ApiEnum, ApiUuid } from '../../../common/http/api-docs.js';
import { UuidField } from '../../../common/http/fields.js';
import { PageQuery } from '../../../common/http/paging.js';
import { ENROLLMENT_MODES, type EnrollmentMode } from '../../treatment/enrollment.entity.js';

/** A search is one line of text: no control characters. */
const PLAIN = /^\P{Cc}*$/u;

/** The stays a facility runs: a rehabilitation stay or treatment in detention. */
export const RESIDENT_STAY_TYPES = ['facility', 'detention'] as const;
export type ResidentStayType = (typeof RESIDENT_STAY_TYPES)[number];

export class ResidentsQuery extends PageQuery {
  @UuidField({ optional: true, description: 'admin only: the rehabilitation or detention facility (facility staff see their own)' }) facilityId?: string;

  @ApiPropertyOptional({ description: 'name (with or without diacritics) or case code', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(PLAIN, { message: 'q must not contain control characters' })
  q?: string;
}

/** One active stay at the facility and its person; the stay's fields named as the enrollment's. */
export class ResidentDto {
  @ApiUuid() enrollmentId: string;
  @ApiUuid() personId: string;
  @ApiProperty() caseCode: string;
  @ApiProperty() fullName: string;
  @ApiEnum(RESIDENT_STAY_TYPES, 'ResidentStayType', { description: 'facility: a stay at a rehabilitation facility; detention: treatment in detention' }) type: ResidentStayType;
  @ApiProperty({ enum: ENROLLMENT_MODES, nullable: true }) mode: EnrollmentMode | null;
  @ApiDate() startDate: string;
  @ApiDate({ nullable: true }) plannedEndDate: string | null;
}
