import { Module } from '@nestjs/common';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { TreatmentController } from './treatment.controller.js';
import { TreatmentService } from './treatment.service.js';

@Module({ imports: [SupervisionModule], controllers: [TreatmentController], providers: [TreatmentService], exports: [TreatmentService] })
export class TreatmentModule {}
