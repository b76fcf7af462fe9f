import { Module } from '@nestjs/common';
import { PersonsController } from './persons.controller.js';
import { PersonInserts } from './person-inserts.js';
import { PersonsService } from './persons.service.js';

@Module({ controllers: [PersonsController], providers: [PersonsService, PersonInserts], exports: [PersonsService, PersonInserts] })
export class PersonsModule {}
