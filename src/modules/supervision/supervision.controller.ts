import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { type Page, PageQuery } from '../../common/http/paging.js';
import { CreateSupervisionDto, CreateVisitDto, EndSupervisionDto, UpdateSupervisionDto } from './dto/supervision.dto.js';
import { AssignSupervisorDto } from './dto/supervisor.dto.js';
import { SupervisionDto, VisitDto } from './dto/supervision.response.js';
import { SupervisionService } from './supervision.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** Post-rehab supervision: the commune's work, for admins and commune workers in scope. */
@ApiController({ tag: 'supervisions', roles: ['admin', 'commune_worker'] })
export class SupervisionController {
  constructor(private readonly supervisions: SupervisionService) {}

  @Route.post('persons/:id/supervisions', { summary: 'Open a supervision and plan its follow-ups (default term 1 year, 2 after a compulsory stay of an adult)', operationId: 'createSupervision', created: SupervisionDto, errors: [400, 404, 409] })
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateSupervisionDto): Promise<SupervisionDto> {
    return this.supervisions.create(actor, id, dto);
  }

  @Route.get('persons/:id/supervisions', { summary: "A person's supervisions with their follow-ups, latest first", operationId: 'listSupervisions', paged: SupervisionDto, errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Query() query: PageQuery): Promise<Page<SupervisionDto>> {
    return this.supervisions.listForPerson(actor, id, query);
  }

  @Route.get('supervisions/:id', { summary: 'One supervision with its follow-ups and visits', operationId: 'getSupervision', ok: SupervisionDto, errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<SupervisionDto> {
    return this.supervisions.get(actor, id);
  }

  @Route.patch('supervisions/:id', { summary: 'Change interval, end date or supervisor (carries version); re-plans future follow-ups', operationId: 'updateSupervision', ok: SupervisionDto, errors: [400, 404, 409] })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: UpdateSupervisionDto): Promise<SupervisionDto> {
    return this.supervisions.update(actor, id, dto);
  }

  @Route.patch('supervisions/:id/supervisor', { summary: "Hand a supervision to another responsible worker of the person's commune", operationId: 'assignSupervisor', ok: SupervisionDto, errors: [400, 404, 409] })
  assignSupervisor(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: AssignSupervisorDto): Promise<SupervisionDto> {
    return this.supervisions.reassign(actor, id, dto.supervisorUserId);
  }

  @Route.post('supervisions/:id/visits', { summary: 'Record a visit; it completes the earliest scheduled follow-up', operationId: 'recordVisit', created: VisitDto, errors: [400, 404, 409] })
  visit(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: CreateVisitDto): Promise<VisitDto> {
    return this.supervisions.addVisit(actor, id, dto);
  }

  @Route.post('supervisions/:id/end', { summary: 'End a supervision with an outcome; scheduled follow-ups are cancelled', operationId: 'endSupervision', ok: SupervisionDto, errors: [400, 404, 409] })
  end(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: EndSupervisionDto): Promise<SupervisionDto> {
    return this.supervisions.end(actor, id, dto);
  }
}
