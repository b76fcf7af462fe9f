import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { CreateFacilityDto, FacilityDto, FacilityQuery, UpdateFacilityDto } from './dto/facility.dto.js';
import { FacilitiesService } from './facilities.service.js';
import { Route } from '../../common/http/route.js';

@ApiTags('facilities')
@ApiBearerAuth()
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Route.post({ roles: ['admin'], summary: 'Add a methadone clinic, rehabilitation facility or health station', operationId: 'createFacility', created: FacilityDto, errors: [400, 409] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFacilityDto): Promise<FacilityDto> {
    return this.facilities.create(actor, dto);
  }

  /** Facilities are public information: every signed-in role may list them. */
  @Route.get({ summary: 'Facilities by type and area; every signed-in role', operationId: 'listFacilities', paged: FacilityDto, errors: [400] })
  list(@Query() query: FacilityQuery): Promise<Page<FacilityDto>> {
    return this.facilities.list(query);
  }

  @Route.get(':id', { summary: 'One facility', operationId: 'getFacility', ok: FacilityDto, errors: [400, 404] })
  get(@Param() { id }: IdParam): Promise<FacilityDto> {
    return this.facilities.get(id);
  }

  @Route.patch(':id', { roles: ['admin'], summary: 'Rename a facility, change its type or the unit it sits in', operationId: 'updateFacility', ok: FacilityDto, errors: [400, 404, 409] })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateFacilityDto): Promise<FacilityDto> {
    return this.facilities.update(actor, id, dto);
  }
}
