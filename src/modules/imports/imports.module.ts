import { Module } from '@nestjs/common';
import { PersonsModule } from '../persons/persons.module.js';
import { UsersModule } from '../users/users.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsProcessor } from './imports.processor.js';
import { ImportsService } from './imports.service.js';
import { PersonImporter } from './person-import.js';
import { PersonFileWrites } from './person-writes.js';

/** Bulk import of person files from the registers communes and provinces keep in Excel. */
@Module({
  imports: [PersonsModule, UsersModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsProcessor, PersonImporter, PersonFileWrites],
})
export class ImportsModule {}
