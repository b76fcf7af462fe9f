import { ApiProperty } from '@nestjs/swagger';
import { ApiDate, ApiDateTime, ApiEnum, ApiUuid } from '../../../common/http/api-docs.js';
import { SERVICE_TYPES, type ServiceType } from '../service-contacts.repository.js';

export class ServiceContactDto {
  @ApiUuid() id: string;
  @ApiUuid() personId: string;
  @ApiEnum(SERVICE_TYPES, 'ServiceType') type: ServiceType;
  @ApiDate() date: string;
  @ApiUuid({ nullable: true }) facilityId: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiUuid({ nullable: true, description: 'the user who recorded it' }) createdBy: string | null;
  @ApiDateTime() createdAt: Date;
}
