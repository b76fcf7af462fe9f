import { Body, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import type { Page } from '../../common/http/paging.js';
import { CoverageService } from './coverage.service.js';
import { CoverageJobAcceptedDto, CoverageJobDto, CoverageReportDto, UnreachedPersonDto } from './dto/coverage.response.js';
import { CoverageExportQuery, CoveragePeriodDto, JobIdParam, UnreachedQuery } from './dto/coverage.dto.js';
import { CSV_TYPE, XLSX_TYPE, fileAnswer, sendFile } from '../../common/http/file-reply.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** Coverage reports (SPEC 8, 9): readers of a unit's subtree; clinic and facility staff get 403. */
@ApiController('reports/coverage', { tag: 'reports', roles: ['admin', 'province_officer', 'commune_worker'] })
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  @Route.post({ summary: 'Queue the computation of a coverage report', description: 'The same unit and period asked while a job is queued or running share that job (same jobId).', operationId: 'requestCoverageReport', accepted: CoverageJobAcceptedDto, errors: [400, 404, 429] })
  request(@CurrentActor() actor: Actor, @Body() dto: CoveragePeriodDto): Promise<CoverageJobAcceptedDto> {
    return this.coverage.request(actor, dto);
  }

  @Route.get('jobs/:jobId', { summary: 'The state of a coverage job, with the report once done', operationId: 'getCoverageJob', ok: CoverageJobDto, errors: [400, 404] })
  job(@CurrentActor() actor: Actor, @Param() { jobId }: JobIdParam): Promise<CoverageJobDto> {
    return this.coverage.jobStatus(actor, jobId);
  }

  @Route.get('unreached', { summary: 'People with files not reached in the period, never served first (computed live)', operationId: 'listUnreachedPersons', paged: UnreachedPersonDto, errors: [400, 404, 429] })
  unreached(@CurrentActor() actor: Actor, @Query() query: UnreachedQuery): Promise<Page<UnreachedPersonDto>> {
    return this.coverage.unreached(actor, query);
  }

  @Route.get('export', { summary: 'A stored coverage report as CSV or XLSX, for people to read', operationId: 'exportCoverageReport', ok: fileAnswer('The report file', CSV_TYPE, XLSX_TYPE), errors: [400, 404] })
  async export(
    @CurrentActor() actor: Actor,
    @Query() query: CoverageExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return sendFile(reply, await this.coverage.export(actor, query));
  }

  @Route.get({
    summary: 'The stored coverage report of a unit and period (404 if never computed)',
    description:
      'Figures of SPEC 8 for the unit and each direct child, with computedAt and inputs. People count where they ' +
      'lived, with the status they had, on `asOf` (the period\'s last day, or the day computed if earlier). ' +
      '`rates` (null without a population): `peopleWithFiles` = people of either status whose file was ' +
      'open on `asOf`; `filesPer1000` = peopleWithFiles per 1,000 residents; ' +
      '`drugComplexCriterion` = peopleWithFiles >= 0.5% of the population (one criterion of Decision 28/2025/QĐ-TTg). ' +
      'Detention: `held` = addicted and held on `asOf` (or closed as detained in the period), `treated` = of them treated in detention.',
    operationId: 'getCoverageReport', ok: CoverageReportDto, errors: [400, 404],
  })
  stored(@CurrentActor() actor: Actor, @Query() query: CoveragePeriodDto): Promise<CoverageReportDto> {
    return this.coverage.stored(actor, query);
  }
}
