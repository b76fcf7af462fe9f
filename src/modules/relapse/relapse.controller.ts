import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { DecideRelapseDto, RelapseTaskDto } from './dto/relapse.dto.js';
import { RelapseService } from './relapse.service.js';

/** The task a relapse raises: the commune's work, for commune workers and admins in scope. */
@ApiTags('relapse')
@ApiBearerAuth()
@Roles('admin', 'commune_worker')
@ApiResponse({ status: 401, description: 'not signed in' })
@ApiResponse({ status: 403, description: 'only commune workers and admins' })
@Controller('relapse-tasks')
export class RelapseController {
  constructor(private readonly relapse: RelapseService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One relapse task with the decision taken, if any', operationId: 'getRelapseTask' })
  @ApiOkResponse({ type: RelapseTaskDto })
  @ApiResponse({ status: 400, description: 'id is not a UUID' })
  @ApiResponse({ status: 404, description: 'no such task in scope' })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<RelapseTaskDto> {
    return this.relapse.get(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the decision: re-enroll in treatment, refer an adult to compulsory treatment, or no action (with a note)',
    operationId: 'decideRelapseTask',
  })
  @ApiOkResponse({ type: RelapseTaskDto })
  @ApiResponse({ status: 400, description: 'a bad field; a referral to compulsory treatment of a minor; no note for no_action' })
  @ApiResponse({ status: 404, description: 'no such task in scope' })
  @ApiResponse({ status: 409, description: 'the decision was already taken' })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: DecideRelapseDto): Promise<RelapseTaskDto> {
    return this.relapse.decide(actor, id, dto);
  }
}
