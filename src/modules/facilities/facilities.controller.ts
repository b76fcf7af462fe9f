import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateFacilityDto, FacilityQuery } from './dto/facility.dto.js';
import { FacilitiesService } from './facilities.service.js';

@ApiTags('facilities')
@ApiBearerAuth()
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFacilityDto) {
    return this.facilities.create(actor, dto);
  }

  /** Facilities are public information: every signed-in role may list them. */
  @Get()
  list(@Query() query: FacilityQuery) {
    return this.facilities.list(query);
  }

  @Get(':id')
  get(@Param() { id }: IdParam) {
    return this.facilities.get(id);
  }
}
