import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import type { Page } from '../../common/http/paging.js';
import { CoverageService } from './coverage.service.js';
import { CoverageJobAcceptedDto, CoverageJobDto, CoverageReportDto, UnreachedPersonDto } from './dto/coverage.response.js';
import { CoverageExportQuery, CoveragePeriodDto, JobIdParam, UnreachedQuery } from './dto/coverage.dto.js';

/** Coverage reports (SPEC 8, 9): readers of a unit's subtree; clinic and facility staff get 403. */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin', 'province_officer', 'commune_worker')
@Controller('reports/coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue the computation of a coverage report',
    description: 'The same unit and period asked while a job is queued or running share that job (same jobId).',
    operationId: 'requestCoverageReport',
  })
  @ApiAcceptedResponse({ type: CoverageJobAcceptedDto })
  @ApiErrors(400, 404)
  request(@CurrentActor() actor: Actor, @Body() dto: CoveragePeriodDto): Promise<CoverageJobAcceptedDto> {
    return this.coverage.request(actor, dto);
  }

  @Get('jobs/:jobId')
  @ApiOperation({ summary: 'The state of a coverage job, with the report once done', operationId: 'getCoverageJob' })
  @ApiOkResponse({ type: CoverageJobDto })
  @ApiErrors(400, 404)
  job(@CurrentActor() actor: Actor, @Param() { jobId }: JobIdParam): Promise<CoverageJobDto> {
    return this.coverage.jobStatus(actor, jobId);
  }

  @Get('unreached')
  @ApiOperation({ summary: 'People with files not reached in the period, never served first (computed live)', operationId: 'listUnreachedPersons' })
  @ApiPagedResponse(UnreachedPersonDto)
  @ApiErrors(400, 404)
  unreached(@CurrentActor() actor: Actor, @Query() query: UnreachedQuery): Promise<Page<UnreachedPersonDto>> {
    return this.coverage.unreached(actor, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'A stored coverage report as CSV or XLSX, for people to read', operationId: 'exportCoverageReport' })
  @ApiOkResponse({
    description: 'The report file',
    content: {
      'text/csv': { schema: { type: 'string' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 404)
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: CoverageExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.coverage.export(actor, query);
    reply.header('content-type', file.contentType);
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    reply.header('cache-control', 'no-store');
    return file.body;
  }

  @Get()
  @ApiOperation({
    summary: 'The stored coverage report of a unit and period (404 if never computed)',
    description:
      'Figures of SPEC 8 for the unit and each direct child, with computedAt and inputs. People count where they ' +
      'live now. `rates` (null without a population): `peopleWithFiles` = people of either status whose file was ' +
      'open at some time in the period; `filesPer1000` = peopleWithFiles per 1,000 residents; ' +
      '`drugComplexCriterion` = peopleWithFiles >= 0.5% of the population (2025 drug-complex commune criterion). ' +
      'Detention figures are taken on `asOf`, the day the job ran.',
    operationId: 'getCoverageReport',
  })
  @ApiOkResponse({ type: CoverageReportDto })
  @ApiErrors(400, 404)
  stored(@CurrentActor() actor: Actor, @Query() query: CoveragePeriodDto): Promise<CoverageReportDto> {
    return this.coverage.stored(actor, query);
  }
}
