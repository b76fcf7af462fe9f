import { Body, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { Page } from '../../common/http/paging.js';
import { MonthlyExportQuery, MonthlyNoticeDto, MonthlyReportDto, MonthlyReportQuery, MonthlyRollupDto, MonthlyRollupQuery, SubmittedMonthlyReportDto, NoticeQuery, SubmitMonthlyReportDto, TrendDto, TrendQuery } from './dto/monthly-report.dto.js';
import { MonthlyReportsService } from './monthly-reports.service.js';
import { MonthlyTrends } from './monthly-trends.js';
import { CSV_TYPE, XLSX_TYPE, fileAnswer, sendFile } from '../../common/http/file-reply.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/**
 * Monthly commune reports: a commune worker reviews its live draft and submits it (a stored
 * snapshot that never changes; a correction is a new version); the province reads the roll-up of
 * submitted snapshots; trends follow one indicator of a unit over the stored months. Aggregates
 * only: no person's data leaves these routes.
 */
@ApiController('reports', { tag: 'reports' })
export class MonthlyReportsController {
  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly trends: MonthlyTrends,
  ) {}

  @Route.get('monthly', { roles: ['admin', 'province_officer', 'commune_worker'], summary: "A commune's month: the live draft, its status, and every submitted version", operationId: 'getMonthlyReport', ok: MonthlyReportDto, errors: [400, 404] })
  report(@CurrentActor() actor: Actor, @Query() query: MonthlyReportQuery): Promise<MonthlyReportDto> {
    return this.reports.report(actor, query);
  }

  @Route.post('monthly', { roles: ['admin', 'commune_worker'], summary: "Submit a commune's ended month as a snapshot; `correction: true` adds a new version and keeps the old", operationId: 'submitMonthlyReport', created: SubmittedMonthlyReportDto, errors: [400, 404, 409] })
  submit(@CurrentActor() actor: Actor, @Body() dto: SubmitMonthlyReportDto): Promise<SubmittedMonthlyReportDto> {
    return this.reports.submit(actor, dto);
  }

  @Route.get('monthly/rollup', { roles: ['admin', 'province_officer'], summary: 'Which communes under a unit submitted a month, and the sums of their submitted snapshots (with the live sum where it differs)', operationId: 'getMonthlyRollup', ok: MonthlyRollupDto, errors: [400, 404] })
  rollup(@CurrentActor() actor: Actor, @Query() query: MonthlyRollupQuery): Promise<MonthlyRollupDto> {
    return this.reports.rollup(actor, query);
  }

  @Route.get('monthly/export', { roles: ['admin', 'province_officer', 'commune_worker'], summary: 'A month as XLSX (a sheet per unit level, title block) or CSV, from submitted snapshots', operationId: 'exportMonthlyReport', ok: fileAnswer('The report file', XLSX_TYPE, CSV_TYPE), errors: [400, 404] })
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: MonthlyExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.reports.export(actor, query));
  }

  @Route.get('monthly/notices', { roles: ['admin', 'province_officer', 'commune_worker'], summary: 'Reports due (commune workers) and overdue (province officers) in the caller’s area', operationId: 'listMonthlyReportNotices', paged: MonthlyNoticeDto, errors: [400] })
  notices(@CurrentActor() actor: Actor, @Query() query: NoticeQuery): Promise<Page<MonthlyNoticeDto>> {
    return this.reports.notices(actor, query);
  }

  /** Trends: one coverage indicator per month for a unit, from the stored monthly snapshots. */
  @Route.get('trends', { roles: ['admin', 'province_officer', 'commune_worker'], summary: 'An indicator of a unit per month, up to 36 months, from the monthly snapshots (null where none is stored)', operationId: 'getTrend', ok: TrendDto, errors: [400, 404] })
  trend(@CurrentActor() actor: Actor, @Query() query: TrendQuery): Promise<TrendDto> {
    return this.trends.trend(actor, query);
  }
}
