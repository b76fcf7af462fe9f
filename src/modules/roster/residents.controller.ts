import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import type { Page } from '../../common/http/paging.js';
import { Route } from '../../common/http/route.js';
import { ResidentDto, ResidentsQuery } from './dto/residents.dto.js';
import { ResidentsService } from './residents.service.js';

/** A rehabilitation or detention facility's residents: its active stays, searched and paged. */
@ApiTags('roster')
@ApiBearerAuth()
@Roles('admin', 'facility_staff')
@Controller()
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Route.get('facilities/residents', {
    summary: "The facility's residents: its active stays (rehabilitation or detention), sorted by given name, searched by name or case code",
    operationId: 'listFacilityResidents',
    paged: ResidentDto,
    errors: [400, 404],
  })
  list(@CurrentActor() actor: Actor, @Query() query: ResidentsQuery): Promise<Page<ResidentDto>> {
    return this.residents.residents(actor, query);
  }
}
