import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { CoverageService } from './coverage.service.js';
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
  request(@CurrentActor() actor: Actor, @Body() dto: CoveragePeriodDto) {
    return this.coverage.request(actor, dto);
  }

  @Get('jobs/:jobId')
  job(@CurrentActor() actor: Actor, @Param() { jobId }: JobIdParam) {
    return this.coverage.jobStatus(actor, jobId);
  }

  @Get('unreached')
  unreached(@CurrentActor() actor: Actor, @Query() query: UnreachedQuery) {
    return this.coverage.unreached(actor, query);
  }

  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
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
  stored(@CurrentActor() actor: Actor, @Query() query: CoveragePeriodDto) {
    return this.coverage.stored(actor, query);
  }
}
