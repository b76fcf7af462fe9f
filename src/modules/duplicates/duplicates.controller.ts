import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import type { Page } from '../../common/http/paging.js';
import { DuplicatesService } from './duplicates.service.js';
import {
  DecisionDto,
  DecisionResultDto,
  DuplicatePairDto,
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
@Controller('duplicates')
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Post('runs')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a search for likely duplicate files across a province (also run every night)', operationId: 'findDuplicates' })
  @ApiAcceptedResponse({ type: FindDuplicatesAcceptedDto })
  @ApiErrors(400, 404)
  request(@CurrentActor() actor: Actor, @Body() dto: FindDuplicatesDto): Promise<FindDuplicatesAcceptedDto> {
    return this.duplicates.request(actor, dto);
  }

  @Get('runs/:jobId')
  @ApiOperation({ summary: 'The state of a search, with its counts and time when done', operationId: 'getDuplicatesRun' })
  @ApiOkResponse({ type: DuplicatesJobDto })
  @ApiErrors(400, 404)
  job(@CurrentActor() actor: Actor, @Param() { jobId }: DuplicatesJobIdParam): Promise<DuplicatesJobDto> {
    return this.duplicates.jobStatus(actor, jobId);
  }

  @Get('pairs')
  @ApiOperation({
    summary: 'Likely duplicate pairs whose two files are in the caller’s scope, best first, the facts side by side (no contact details)',
    operationId: 'listDuplicatePairs',
  })
  @ApiPagedResponse(DuplicatePairDto)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: PairsQuery): Promise<Page<DuplicatePairDto>> {
    return this.duplicates.list(actor, query);
  }

  @Post('pairs/:id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a pair: `same` merges the two files into one (the survivor keeps its case code), `distinct` is never proposed again',
    operationId: 'decideDuplicatePair',
  })
  @ApiOkResponse({ type: DecisionResultDto })
  @ApiErrors(400, 404, 409)
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: DecisionDto): Promise<DecisionResultDto> {
    return this.duplicates.decide(actor, id, dto);
  }
}
