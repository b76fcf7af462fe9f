import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { CreateFacilityDto, FacilityDto, FacilityQuery, UpdateFacilityDto } from './dto/facility.dto.js';
import { FacilitiesService } from './facilities.service.js';

@ApiTags('facilities')
@ApiBearerAuth()
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a methadone clinic, rehabilitation facility or health station', operationId: 'createFacility' })
  @ApiCreatedResponse({ type: FacilityDto })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateFacilityDto): Promise<FacilityDto> {
    return this.facilities.create(actor, dto);
  }

  /** Facilities are public information: every signed-in role may list them. */
  @Get()
  @ApiOperation({ summary: 'Facilities by type and area; every signed-in role', operationId: 'listFacilities' })
  @ApiPagedResponse(FacilityDto)
  @ApiErrors(400)
  list(@Query() query: FacilityQuery): Promise<Page<FacilityDto>> {
    return this.facilities.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One facility', operationId: 'getFacility' })
  @ApiOkResponse({ type: FacilityDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParam): Promise<FacilityDto> {
    return this.facilities.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a facility, change its type or the unit it sits in', operationId: 'updateFacility' })
  @ApiOkResponse({ type: FacilityDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateFacilityDto): Promise<FacilityDto> {
    return this.facilities.update(actor, id, dto);
  }
}
