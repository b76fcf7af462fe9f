import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import type { Page } from '../../common/http/paging.js';
import {
  MonthlyExportQuery,
  MonthlyNoticeDto,
  MonthlyReportDto,
  MonthlyReportQuery,
  MonthlyRollupDto,
  MonthlyRollupQuery,
  SubmittedMonthlyReportDto,
  NoticeQuery,
  SubmitMonthlyReportDto,
  TrendDto,
  TrendQuery,
} from './dto/monthly-report.dto.js';
import { MonthlyReportsService } from './monthly-reports.service.js';
import { MonthlyTrends } from './monthly-trends.js';

/**
 * Monthly commune reports: a commune worker reviews its live draft and submits it (a stored
 * snapshot that never changes; a correction is a new version); the province reads the roll-up of
 * submitted snapshots. Aggregates only: no person's data leaves these routes.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/monthly')
export class MonthlyReportsController {
  constructor(private readonly reports: MonthlyReportsService) {}

  @Get()
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: "A commune's month: the live draft, its status, and every submitted version",
    operationId: 'getMonthlyReport',
  })
  @ApiOkResponse({ type: MonthlyReportDto })
  @ApiErrors(400, 404)
  report(@CurrentActor() actor: Actor, @Query() query: MonthlyReportQuery): Promise<MonthlyReportDto> {
    return this.reports.report(actor, query);
  }

  @Post()
  @Roles('admin', 'commune_worker')
  @ApiOperation({
    summary: "Submit a commune's ended month as a snapshot; `correction: true` adds a new version and keeps the old",
    operationId: 'submitMonthlyReport',
  })
  @ApiCreatedResponse({ type: SubmittedMonthlyReportDto })
  @ApiErrors(400, 404, 409)
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitMonthlyReportDto): Promise<SubmittedMonthlyReportDto> {
    return this.reports.submit(actor, dto);
  }

  @Get('rollup')
  @Roles('admin', 'province_officer')
  @ApiOperation({
    summary: 'Which communes under a unit submitted a month, and the sums of their submitted snapshots (with the live sum where it differs)',
    operationId: 'getMonthlyRollup',
  })
  @ApiOkResponse({ type: MonthlyRollupDto })
  @ApiErrors(400, 404)
  rollup(@CurrentActor() actor: Actor, @Query() query: MonthlyRollupQuery): Promise<MonthlyRollupDto> {
    return this.reports.rollup(actor, query);
  }

  @Get('export')
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: 'A month as XLSX (a sheet per unit level, title block) or CSV, from submitted snapshots',
    operationId: 'exportMonthlyReport',
  })
  @ApiOkResponse({
    description: 'The report file',
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 404)
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: MonthlyExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.reports.export(actor, query);
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    return file.body;
  }

  @Get('notices')
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: 'Reports due (commune workers) and overdue (province officers) in the caller’s area',
    operationId: 'listMonthlyReportNotices',
  })
  @ApiPagedResponse(MonthlyNoticeDto)
  @ApiErrors(400)
  notices(@CurrentActor() actor: Actor, @Query() query: NoticeQuery): Promise<Page<MonthlyNoticeDto>> {
    return this.reports.notices(actor, query);
  }
}

/** Trends: one coverage indicator per month for a unit, from the stored monthly snapshots. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/trends')
export class TrendsController {
  constructor(private readonly trends: MonthlyTrends) {}

  @Get()
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: 'An indicator of a unit per month, up to 36 months, from the monthly snapshots (null where none is stored)',
    operationId: 'getTrend',
  })
  @ApiOkResponse({ type: TrendDto })
  @ApiErrors(400, 404)
  trend(@CurrentActor() actor: Actor, @Query() query: TrendQuery): Promise<TrendDto> {
    return this.trends.trend(actor, query);
  }
}
