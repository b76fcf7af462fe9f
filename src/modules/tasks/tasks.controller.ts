import { Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { TaskListDto, TaskQuery } from './dto/tasks.dto.js';
import { TasksService } from './tasks.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

@ApiController('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Route.get({ summary: 'My tasks today, most urgent first: the commune’s follow-ups, ends, relapses and transfers; the officer’s transfers to decide; the clinic’s doses; the facility’s stays', operationId: 'listMyTasks', ok: TaskListDto, errors: [400, 404] })
  list(@CurrentActor() actor: Actor, @Query() query: TaskQuery): Promise<TaskListDto> {
    return this.tasks.list(actor, query);
  }
}
