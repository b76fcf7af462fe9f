import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateServiceContactDto, ServiceContactQuery } from './dto/service-contact.dto.js';
import { ServiceContactsService } from './service-contacts.service.js';

/** Service contacts: recorded and read by the workers who serve a person, for people in their scope. */
@ApiTags('services')
@ApiBearerAuth()
@Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
@Controller('persons/:id/services')
export class ServiceContactsController {
  constructor(private readonly contacts: ServiceContactsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a counseling, support, medical or vocational service' })
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateServiceContactDto) {
    return this.contacts.create(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: "A person's service contacts, latest first" })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: ServiceContactQuery) {
    return this.contacts.listForPerson(actor, id, query);
  }
}
