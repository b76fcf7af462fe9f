import { RepositoriesModule } from './database/repositories.module.js';
import { AccountModule } from './modules/account/account.module.js';
import { AdminUnitsModule } from './modules/admin-units/admin-units.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { DrugTestsModule } from './modules/drug-tests/drug-tests.module.js';
import { DuplicatesModule } from './modules/duplicates/duplicates.module.js';
import { FacilitiesModule } from './modules/facilities/facilities.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { PersonsModule } from './modules/persons/persons.module.js';
import { RelapseModule } from './modules/relapse/relapse.module.js';
import { PublicHolidaysModule } from './modules/public-holidays/public-holidays.module.js';
import { RemindersModule } from './modules/reminders/reminders.module.js';
import { RosterModule } from './modules/roster/roster.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { ServiceContactsModule } from './modules/service-contacts/service-contacts.module.js';
import { SupervisionModule } from './modules/supervision/supervision.module.js';
import { TransfersModule } from './modules/transfers/transfers.module.js';
import { TasksModule } from './modules/tasks/tasks.module.js';
import { TreatmentModule } from './modules/treatment/treatment.module.js';
import { UsersModule } from './modules/users/users.module.js';

/** Every feature of the service. A new feature module is listed here once. */
export const FEATURE_MODULES = [
  RepositoriesModule,
  HealthModule,
  AuditModule,
  AdminUnitsModule,
  FacilitiesModule,
  UsersModule,
  AuthModule,
  PersonsModule,
  RemindersModule,
  ReportsModule,
  SupervisionModule,
  TreatmentModule,
  ServiceContactsModule,
  ImportsModule,
  TransfersModule,
  AccountModule,
  RosterModule,
  RelapseModule,
  DrugTestsModule,
  TasksModule,
  DuplicatesModule,
  PublicHolidaysModule,
];
