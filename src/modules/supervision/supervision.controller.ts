import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { CreateSupervisionDto, CreateVisitDto, EndSupervisionDto, UpdateSupervisionDto } from './dto/supervision.dto.js';
import { SupervisionDto, VisitDto } from './dto/supervision.response.js';
import { AssignSupervisorDto } from './dto/supervisor.dto.js';
import { SupervisionService } from './supervision.service.js';

/** Post-rehab supervision: the commune's work, for admins and commune workers in scope. */
@ApiTags('supervisions')
@ApiBearerAuth()
@Roles('admin', 'commune_worker')
@Controller()
export class SupervisionController {
  constructor(private readonly supervisions: SupervisionService) {}

  @Post('persons/:id/supervisions')
  @ApiOperation({
    summary: 'Open a supervision and plan its follow-ups (default term 1 year, 2 after a compulsory stay of an adult)',
    operationId: 'createSupervision',
  })
  @ApiCreatedResponse({ type: SupervisionDto })
  @ApiErrors(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateSupervisionDto): Promise<SupervisionDto> {
    return this.supervisions.create(actor, id, dto);
  }

  @Get('persons/:id/supervisions')
  @ApiOperation({ summary: "A person's supervisions with their follow-ups, latest first", operationId: 'listSupervisions' })
  @ApiPagedResponse(SupervisionDto)
  @ApiErrors(400, 404)
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<Page<SupervisionDto>> {
    return this.supervisions.listForPerson(actor, id, query);
  }

  @Get('supervisions/:id')
  @ApiOperation({ summary: 'One supervision with its follow-ups and visits', operationId: 'getSupervision' })
  @ApiOkResponse({ type: SupervisionDto })
  @ApiErrors(400, 404)
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<SupervisionDto> {
    return this.supervisions.get(actor, id);
  }

  @Patch('supervisions/:id')
  @ApiOperation({ summary: 'Change interval, end date or supervisor (carries version); re-plans future follow-ups', operationId: 'updateSupervision' })
  @ApiOkResponse({ type: SupervisionDto })
  @ApiErrors(400, 404, 409)
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateSupervisionDto): Promise<SupervisionDto> {
    return this.supervisions.update(actor, id, dto);
  }

  @Patch('supervisions/:id/supervisor')
  @ApiOperation({ summary: "Hand a supervision to another responsible worker of the person's commune", operationId: 'assignSupervisor' })
  @ApiOkResponse({ type: SupervisionDto })
  @ApiErrors(400, 404, 409)
  assignSupervisor(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: AssignSupervisorDto): Promise<SupervisionDto> {
    return this.supervisions.reassign(actor, id, dto.supervisorUserId);
  }

  @Post('supervisions/:id/visits')
  @ApiOperation({ summary: 'Record a visit; it completes the earliest scheduled follow-up', operationId: 'recordVisit' })
  @ApiCreatedResponse({ type: VisitDto })
  @ApiErrors(400, 404, 409)
  visit(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateVisitDto): Promise<VisitDto> {
    return this.supervisions.addVisit(actor, id, dto);
  }

  @Post('supervisions/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a supervision with an outcome; scheduled follow-ups are cancelled', operationId: 'endSupervision' })
  @ApiOkResponse({ type: SupervisionDto })
  @ApiErrors(400, 404, 409)
  end(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: EndSupervisionDto): Promise<SupervisionDto> {
    return this.supervisions.end(actor, id, dto);
  }
}
