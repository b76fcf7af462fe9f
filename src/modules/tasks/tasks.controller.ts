import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { TaskListDto, TaskQuery } from './dto/tasks.dto.js';
import { TasksService } from './tasks.service.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({
    summary: 'My tasks today, most urgent first: the commune’s follow-ups, ends and relapses; the clinic’s doses; the facility’s stays',
    operationId: 'listMyTasks',
  })
  @ApiOkResponse({ type: TaskListDto })
  @ApiResponse({ status: 400, description: 'a bad filter (named)' })
  @ApiResponse({ status: 401, description: 'not signed in' })
  @ApiResponse({ status: 403, description: 'province officers have no task list' })
  @ApiResponse({ status: 404, description: 'unitId outside the caller’s area' })
  list(@CurrentActor() actor: Actor, @Query() query: TaskQuery): Promise<TaskListDto> {
    return this.tasks.list(actor, query);
  }
}
