import { Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { ReminderQuery } from './dto/reminder.dto.js';
import { ReminderDto, ReplanResultDto } from './dto/reminder.response.js';
import { RemindersService } from './reminders.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

@ApiController('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /** Reminders in the caller's scope, the latest due first. */
  @Route.get({ summary: 'Reminders in the caller’s scope, the latest due first', operationId: 'listReminders', paged: ReminderDto, errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: ReminderQuery): Promise<Page<ReminderDto>> {
    return this.reminders.list(actor, query);
  }

  /** Sweeps due reminders from the database and re-plans every pending job (after a Redis loss). */
  @Route.post('replan', { roles: ['admin'], summary: 'Raise due reminders from the database and re-plan every pending job (after a Redis loss)', operationId: 'replanReminders', ok: ReplanResultDto })
  replan(): Promise<ReplanResultDto> {
    return this.reminders.replanOnDemand();
  }

  @Route.post(':id/ack', { roles: ['admin', 'commune_worker', 'clinic_staff', 'facility_staff'], summary: 'Acknowledge a reminder', operationId: 'acknowledgeReminder', ok: ReminderDto, errors: [400, 404, 409] })
  acknowledge(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<ReminderDto> {
    return this.reminders.acknowledge(actor, id);
  }
}
