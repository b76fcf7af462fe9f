import { Body, Param, Query } from '@nestjs/common';
import type { Page } from '../../common/http/paging.js';
import { ServiceContactDto } from './dto/service-contact.response.js';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateServiceContactDto, ServiceContactQuery } from './dto/service-contact.dto.js';
import { ServiceContactsService } from './service-contacts.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** Service contacts: recorded and read by the workers who serve a person, for people in their scope. */
@ApiController('persons/:id/services', { tag: 'services', roles: ['admin', 'commune_worker', 'clinic_staff', 'facility_staff'] })
export class ServiceContactsController {
  constructor(private readonly contacts: ServiceContactsService) {}

  @Route.post({ summary: 'Record a counseling, support, medical, vocational, job placement or loan service', operationId: 'createServiceContact', created: ServiceContactDto, errors: [400, 404, 409] })
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateServiceContactDto): Promise<ServiceContactDto> {
    return this.contacts.create(actor, id, dto);
  }

  @Route.get({ summary: "A person's service contacts, latest first", operationId: 'listServiceContacts', paged: ServiceContactDto, errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: ServiceContactQuery): Promise<Page<ServiceContactDto>> {
    return this.contacts.listForPerson(actor, id, query);
  }
}
