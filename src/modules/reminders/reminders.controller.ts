import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { ReminderQuery } from './dto/reminder.dto.js';
import { ReminderDto, ReplanResultDto } from './dto/reminder.response.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Reminders in the caller's scope, the latest due first. */
  @Get()
  @ApiOperation({ summary: 'Reminders in the caller’s scope, the latest due first', operationId: 'listReminders' })
  @ApiPagedResponse(ReminderDto)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: ReminderQuery): Promise<Page<ReminderDto>> {
    return this.reminders.list(actor, query);
  }

  /** Sweeps due reminders from the database and re-plans every pending job (after a Redis loss). */
  @Post('replan')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Raise due reminders from the database and re-plan every pending job (after a Redis loss)', operationId: 'replanReminders' })
  @ApiOkResponse({ type: ReplanResultDto })
  replan(): Promise<ReplanResultDto> {
    return this.reminders.replanOnDemand();
  }

  @Post(':id/ack')
  @HttpCode(200)
  @Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
  @ApiOperation({ summary: 'Acknowledge a reminder', operationId: 'acknowledgeReminder' })
  @ApiOkResponse({ type: ReminderDto })
  @ApiErrors(400, 404, 409)
  acknowledge(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ReminderDto> {
    return this.reminders.acknowledge(actor, id);
  }
}
