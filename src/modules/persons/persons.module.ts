import { Module } from '@nestjs/common';
import { PersonsController } from './persons.controller.js';
import { PersonCandidates } from './person-candidates.js';
import { PersonInserts } from './person-inserts.js';
import { PersonsService } from './persons.service.js';

@Module({
  controllers: [PersonsController],
  providers: [PersonsService, PersonInserts, PersonCandidates],
  exports: [PersonsService, PersonInserts, PersonCandidates],
})
export class PersonsModule {}
