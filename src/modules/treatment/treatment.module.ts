import { Module } from '@nestjs/common';
import { PublicHolidaysModule } from '../public-holidays/public-holidays.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { TreatmentController } from './treatment.controller.js';
import { TreatmentService } from './treatment.service.js';

@Module({ imports: [SupervisionModule, PublicHolidaysModule], controllers: [TreatmentController], providers: [TreatmentService], exports: [TreatmentService] })
export class TreatmentModule {}
