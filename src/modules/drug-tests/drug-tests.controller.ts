import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { PageQuery } from '../../common/http/paging.js';
import { CreatedDrugTestDto, CreateDrugTestDto, DrugTestPageDto } from './dto/drug-test.dto.js';
import { DrugTestsService } from './drug-tests.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

@ApiController('persons/:id/drug-tests', { tag: 'drug-tests', roles: ['admin', 'commune_worker', 'clinic_staff', 'facility_staff'] })
export class DrugTestsController {
  constructor(private readonly tests: DrugTestsService) {}

  @Route.post({ summary: 'Record a drug test; a positive one raises a relapse task for the responsible worker', operationId: 'createDrugTest', created: CreatedDrugTestDto, errors: [400, 404, 409] })
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateDrugTestDto): Promise<CreatedDrugTestDto> {
    return this.tests.create(actor, id, dto);
  }

  @Route.get({ summary: "A person's drug tests, latest first (clinic and facility staff: their facility's)", operationId: 'listDrugTests', ok: DrugTestPageDto, errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<DrugTestPageDto> {
    return this.tests.list(actor, id, query);
  }
}
