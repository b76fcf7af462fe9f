import { Module } from '@nestjs/common';
import { AdminUnitsController } from './admin-units.controller.js';
import { AdminUnitsService } from './admin-units.service.js';

@Module({ controllers: [AdminUnitsController], providers: [AdminUnitsService], exports: [AdminUnitsService] })
export class AdminUnitsModule {}
