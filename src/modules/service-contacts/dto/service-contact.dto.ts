import { PageQuery } from '../../../common/http/paging.js';
import { SERVICE_TYPES, type ServiceType } from '../service-contacts.repository.js';
import { DateField, EnumField, TextField, UuidField } from '../../../common/http/fields.js';

export class CreateServiceContactDto {
  @EnumField(SERVICE_TYPES) type: ServiceType;
  @DateField({ example: '2026-03-02' }) date: string;
  @UuidField({ optional: true, description: "defaults to the caller's facility for clinic and facility staff" }) facilityId?: string;
  @TextField({ optional: true, clean: false, nonEmpty: false, max: 2000 }) notes?: string;
}

export class ServiceContactQuery extends PageQuery {
  @EnumField(SERVICE_TYPES, { optional: true }) type?: ServiceType;
}
