import { Global, Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { RemindersController } from './reminders.controller.js';
import { ReminderPlanner } from './reminders.planner.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';

/**
 * Reminders: the repository (every statement on `reminders`), the worker-side planner (jobs,
 * sweep, re-plan; it listens to `person.changed`) and the HTTP-side service.
 */
@Global()
@Module({
  imports: [SupervisionModule],
  controllers: [RemindersController],
  providers: [RemindersRepository, ReminderPlanner, RemindersService],
  exports: [RemindersRepository, ReminderPlanner],
})
export class RemindersModule {}
