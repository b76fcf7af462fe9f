import { Body, Param } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { DecideRelapseDto, RelapseTaskDto } from './dto/relapse.dto.js';
import { RelapseService } from './relapse.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** The task a relapse raises: the commune's work, for commune workers and admins in scope. */
@ApiController('relapse-tasks', { tag: 'relapse', roles: ['admin', 'commune_worker'] })
export class RelapseController {
  constructor(private readonly relapse: RelapseService) {}

  @Route.get(':id', { summary: 'One relapse task with the decision taken, if any', operationId: 'getRelapseTask', ok: RelapseTaskDto, errors: [400, 404] })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<RelapseTaskDto> {
    return this.relapse.get(actor, id);
  }

  @Route.post(':id/decision', { summary: 'Record the decision: re-enroll in treatment, refer an adult to compulsory treatment, or no action (with a note)', operationId: 'decideRelapseTask', ok: RelapseTaskDto, errors: [400, 404, 409] })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: DecideRelapseDto): Promise<RelapseTaskDto> {
    return this.relapse.decide(actor, id, dto);
  }
}
