import { Module } from '@nestjs/common';
import { TreatmentModule } from '../treatment/treatment.module.js';
import { ResidentsController } from './residents.controller.js';
import { ResidentsRepository } from './residents.repository.js';
import { ResidentsService } from './residents.service.js';
import { RosterController } from './roster.controller.js';
import { RosterService } from './roster.service.js';
import { RosterRepository } from './roster.repository.js';

@Module({ imports: [TreatmentModule], controllers: [RosterController, ResidentsController], providers: [RosterService, RosterRepository, ResidentsService, ResidentsRepository] })
export class RosterModule {}
