import { Module } from '@nestjs/common';
import { PersonsModule } from '../persons/persons.module.js';
import { UsersModule } from '../users/users.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsProcessor } from './imports.processor.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';
import { PersonBatchWriter } from './person-batch-writer.js';
import { PersonImporter } from './person-import.js';
import { PersonRowValidator } from './person-validation.js';
import { PersonFileWrites } from './person-writes.js';

/**
 * Bulk import of person files from the registers communes and provinces keep in Excel. The seams:
 * the run (person-import.ts), row reading and validation (person-rows.ts, person-validation.ts),
 * matching to open files (person-match.ts), batch writing (person-batch-writer.ts, person-writes.ts);
 * every statement on the module's tables in imports.repository.ts (units and open files are read
 * through the admin-units and persons repositories), its messages in common/i18n/messages.vi.ts.
 */
@Module({
  imports: [PersonsModule, UsersModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsProcessor, ImportsRepository, PersonImporter, PersonRowValidator, PersonBatchWriter, PersonFileWrites],
})
export class ImportsModule {}
