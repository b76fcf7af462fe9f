import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/paging.js';
import { IsCalendarDate } from '../../../common/http/calendar-date.js';
import { SERVICE_TYPES, type ServiceType } from '../service-contact.entity.js';

export class CreateServiceContactDto {
  @ApiProperty({ enum: SERVICE_TYPES })
  @IsIn(SERVICE_TYPES)
  type: ServiceType;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ format: 'uuid', description: "defaults to the caller's facility for clinic and facility staff" })
  @IsOptional()
  @IsUUID()
  facilityId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class ServiceContactQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES)
  type?: ServiceType;
}
