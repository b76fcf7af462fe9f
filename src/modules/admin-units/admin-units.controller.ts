import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { AdminUnitsService } from './admin-units.service.js';
import { AdminUnitDto, AdminUnitQuery, CreateAdminUnitDto, UpdateAdminUnitDto } from './dto/admin-unit.dto.js';

@ApiTags('admin-units')
@ApiBearerAuth()
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly units: AdminUnitsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a province, district (under a province) or commune (under a district)', operationId: 'createAdminUnit' })
  @ApiCreatedResponse({ type: AdminUnitDto })
  @ApiErrors(400, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAdminUnitDto): Promise<AdminUnitDto> {
    return this.units.create(actor, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Administrative units by parent, level, subtree or code/name; every signed-in role', operationId: 'listAdminUnits' })
  @ApiPagedResponse(AdminUnitDto)
  @ApiErrors(400)
  list(@Query() query: AdminUnitQuery): Promise<Page<AdminUnitDto>> {
    return this.units.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One administrative unit', operationId: 'getAdminUnit' })
  @ApiOkResponse({ type: AdminUnitDto })
  @ApiErrors(400, 404)
  get(@Param() { id }: IdParam): Promise<AdminUnitDto> {
    return this.units.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Rename a unit or set its population', operationId: 'updateAdminUnit' })
  @ApiOkResponse({ type: AdminUnitDto })
  @ApiErrors(400, 404)
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateAdminUnitDto): Promise<AdminUnitDto> {
    return this.units.update(actor, id, dto);
  }
}
