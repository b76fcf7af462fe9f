import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ReminderQuery } from './dto/reminder.dto.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Reminders in the caller's scope, the latest due first. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ReminderQuery) {
    return this.reminders.list(actor, query);
  }

  /** Sweeps due reminders from the database and re-plans every pending job (after a Redis loss). */
  @Post('replan')
  @HttpCode(200)
  @Roles('admin')
  replan() {
    return this.reminders.replanOnDemand();
  }

  @Post(':id/ack')
  @HttpCode(200)
  @Roles('admin', 'commune_worker', 'clinic_staff', 'facility_staff')
  acknowledge(@CurrentActor() actor: Actor, @Param() { id }: IdParam) {
    return this.reminders.acknowledge(actor, id);
  }
}
