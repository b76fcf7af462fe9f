import { Module } from '@nestjs/common';
import { TreatmentModule } from '../treatment/treatment.module.js';
import { RosterController } from './roster.controller.js';
import { RosterService } from './roster.service.js';
import { RosterRepository } from './roster.repository.js';

@Module({ imports: [TreatmentModule], controllers: [RosterController], providers: [RosterService, RosterRepository] })
export class RosterModule {}
