import { Module } from '@nestjs/common';
import { CoverageController } from './coverage.controller.js';
import { CoverageProcessor } from './coverage.processor.js';
import { CoverageService } from './coverage.service.js';

@Module({ controllers: [CoverageController], providers: [CoverageService, CoverageProcessor], exports: [CoverageService] })
export class ReportsModule {}
