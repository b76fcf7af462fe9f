import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ErrorBodyDto } from '../persons/dto/error-body.dto.js';
import { DuplicatesService } from './duplicates.service.js';
import {
  DecisionDto,
  DecisionResultDto,
  DuplicatePairPageDto,
  DuplicatesJobDto,
  DuplicatesJobIdParam,
  FindDuplicatesAcceptedDto,
  FindDuplicatesDto,
  PairsQuery,
} from './dto/duplicates.dto.js';

/** Likely duplicate files of a province, for the province office (and administrators) to review. */
@ApiTags('duplicates')
@ApiBearerAuth()
@Roles('admin', 'province_officer')
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'no valid token' })
@ApiResponse({ status: 403, type: ErrorBodyDto, description: 'only province officers and admins review duplicates' })
@Controller('duplicates')
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Post('runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a search for likely duplicate files across a province (also run every night)', operationId: 'findDuplicates' })
  @ApiResponse({ status: 202, type: FindDuplicatesAcceptedDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'provinceId is missing or not a province' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'the province is not in the caller’s scope' })
  @ApiResponse({ status: 503, type: ErrorBodyDto, description: 'the job queue is unavailable' })
  request(@CurrentActor() actor: Actor, @Body() dto: FindDuplicatesDto) {
    return this.duplicates.request(actor, dto);
  }

  @Get('runs/:jobId')
  @ApiOperation({ summary: 'The state of a search, with its counts and time when done', operationId: 'getDuplicatesRun' })
  @ApiResponse({ status: 200, type: DuplicatesJobDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'not a duplicates job id' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'unknown job, or a province outside the caller’s scope' })
  @ApiResponse({ status: 503, type: ErrorBodyDto, description: 'the job queue is unavailable' })
  job(@CurrentActor() actor: Actor, @Param() { jobId }: DuplicatesJobIdParam) {
    return this.duplicates.jobStatus(actor, jobId);
  }

  @Get('pairs')
  @ApiOperation({
    summary: 'Likely duplicate pairs whose two files are in the caller’s scope, best first, the facts side by side (no contact details)',
    operationId: 'listDuplicatePairs',
  })
  @ApiResponse({ status: 200, type: DuplicatePairPageDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'invalid status or paging' })
  list(@CurrentActor() actor: Actor, @Query() query: PairsQuery) {
    return this.duplicates.list(actor, query);
  }

  @Post('pairs/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a pair: `same` merges the two files into one (the survivor keeps its case code), `distinct` is never proposed again',
    operationId: 'decideDuplicatePair',
  })
  @ApiResponse({ status: 200, type: DecisionResultDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'invalid decision or survivorId' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'no such pair in the caller’s scope' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'pair_already_reviewed, national_id_mismatch (two national ids), file_closed, or merge_conflict (two active enrollments of one type or two active supervisions)',
  })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: DecisionDto) {
    return this.duplicates.decide(actor, id, dto);
  }
}
