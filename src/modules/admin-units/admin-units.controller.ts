import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { AdminUnitsService } from './admin-units.service.js';
import { AdminUnitDto, AdminUnitQuery, CreateAdminUnitDto, UpdateAdminUnitDto } from './dto/admin-unit.dto.js';
import { Route } from '../../common/http/route.js';

@ApiTags('admin-units')
@ApiBearerAuth()
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly units: AdminUnitsService) {}

  @Route.post({ roles: ['admin'], summary: 'Add a province, district (under a province) or commune (under a district)', operationId: 'createAdminUnit', created: AdminUnitDto, errors: [400, 409] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAdminUnitDto): Promise<AdminUnitDto> {
    return this.units.create(actor, dto);
  }

  @Route.get({ summary: 'Administrative units by parent, level, subtree or code/name; every signed-in role', operationId: 'listAdminUnits', paged: AdminUnitDto, errors: [400] })
  list(@Query() query: AdminUnitQuery): Promise<Page<AdminUnitDto>> {
    return this.units.list(query);
  }

  @Route.get(':id', { summary: 'One administrative unit', operationId: 'getAdminUnit', ok: AdminUnitDto, errors: [400, 404] })
  get(@Param() { id }: IdParam): Promise<AdminUnitDto> {
    return this.units.get(id);
  }

  @Route.patch(':id', { roles: ['admin'], summary: 'Rename a unit or set its population', operationId: 'updateAdminUnit', ok: AdminUnitDto, errors: [400, 404] })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateAdminUnitDto): Promise<AdminUnitDto> {
    return this.units.update(actor, id, dto);
  }
}
