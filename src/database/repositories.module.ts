import { Global, Module } from '@nestjs/common';
import { AdminUnitsRepository } from '../modules/admin-units/admin-units.repository.js';
import { AuditRepository } from '../modules/audit/audit.repository.js';
import { AuthRepository } from '../modules/auth/auth.repository.js';
import { FacilitiesRepository } from '../modules/facilities/facilities.repository.js';
import { PersonsRepository } from '../modules/persons/persons.repository.js';
import { PublicHolidaysRepository } from '../modules/public-holidays/public-holidays.repository.js';
import { RelapseRepository } from '../modules/relapse/relapse.repository.js';
import { ServiceContactsRepository } from '../modules/service-contacts/service-contacts.repository.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { TreatmentRepository } from '../modules/treatment/treatment.repository.js';
import { SupervisionRepository } from '../modules/supervision/supervision.repository.js';
import { ResponsibleWorkers } from '../modules/supervision/responsible-worker.js';

/**
 * The modules' repositories (each in its module's folder, holding every statement on the tables the
 * module owns; see `table-owners.ts`), provided once to every module, so a module calls another's
 * repository without importing that module.
 */
export const REPOSITORIES = [
  AdminUnitsRepository,
  AuditRepository,
  AuthRepository,
  FacilitiesRepository,
  PersonsRepository,
  PublicHolidaysRepository,
  RelapseRepository,
  ServiceContactsRepository,
  UsersRepository,
  TreatmentRepository,
  SupervisionRepository,
  // Not a repository: the choice of a person's responsible worker, composed of the repositories
  // above and needed by supervision, relapse and transfers alike.
  ResponsibleWorkers,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
