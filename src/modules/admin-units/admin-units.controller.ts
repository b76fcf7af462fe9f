import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { AdminUnitsService } from './admin-units.service.js';
import { AdminUnitQuery, CreateAdminUnitDto } from './dto/admin-unit.dto.js';

@ApiTags('admin-units')
@ApiBearerAuth()
@Controller('admin-units')
export class AdminUnitsController {
  constructor(private readonly units: AdminUnitsService) {}

  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAdminUnitDto) {
    return this.units.create(actor, dto);
  }

  @Get()
  list(@Query() query: AdminUnitQuery) {
    return this.units.list(query);
  }

  @Get(':id')
  get(@Param() { id }: IdParam) {
    return this.units.get(id);
  }
}
