import { Module } from '@nestjs/common';
import { CoverageController } from './coverage.controller.js';
import { CoverageProcessor } from './coverage.processor.js';
import { CoverageService } from './coverage.service.js';
import { MonthlyReportsController } from './monthly-reports.controller.js';
import { MonthlyReportsProcessor } from './monthly-reports.processor.js';
import { MonthlyReportsService } from './monthly-reports.service.js';
import { MonthlyTrends } from './monthly-trends.js';
import { ReportsRepository } from './reports.repository.js';

@Module({
  controllers: [CoverageController, MonthlyReportsController],
  providers: [ReportsRepository, CoverageService, CoverageProcessor, MonthlyReportsService, MonthlyReportsProcessor, MonthlyTrends],
  exports: [CoverageService],
})
export class ReportsModule {}
