import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { PageQuery } from '../../common/http/paging.js';
import { CreatedDrugTestDto, CreateDrugTestDto, DrugTestPageDto } from './dto/drug-test.dto.js';
import { DrugTestsService } from './drug-tests.service.js';

@ApiTags('drug-tests')
@ApiBearerAuth()
@Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
@Controller('persons/:id/drug-tests')
export class DrugTestsController {
  constructor(private readonly tests: DrugTestsService) {}

  @Post()
  @ApiOperation({ summary: 'Record a drug test; a positive one raises a relapse task for the responsible worker', operationId: 'createDrugTest' })
  @ApiCreatedResponse({ type: CreatedDrugTestDto })
  @ApiErrors(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateDrugTestDto): Promise<CreatedDrugTestDto> {
    return this.tests.create(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: "A person's drug tests, latest first (clinic and facility staff: their facility's)", operationId: 'listDrugTests' })
  @ApiOkResponse({ type: DrugTestPageDto })
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<DrugTestPageDto> {
    return this.tests.list(actor, id, query);
  }
}
