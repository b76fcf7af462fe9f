import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { DuplicatesService } from './duplicates.service.js';
import { DecisionDto, DecisionResultDto, DuplicatePairDto, DuplicatesJobDto, DuplicatesJobIdParam, FindDuplicatesAcceptedDto, FindDuplicatesDto, PairsQuery } from './dto/duplicates.dto.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

/** Likely duplicate files of a province, for the province office (and administrators) to review. */
@ApiController('duplicates', { roles: ['admin', 'province_officer'] })
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Route.post('runs', { summary: 'Queue a search for likely duplicate files across a province (also run every night)', operationId: 'findDuplicates', accepted: FindDuplicatesAcceptedDto, errors: [400, 404] })
  request(@CurrentActor() actor: Actor, @Body() dto: FindDuplicatesDto): Promise<FindDuplicatesAcceptedDto> {
    return this.duplicates.request(actor, dto);
  }

  @Route.get('runs/:jobId', { summary: 'The state of a search, with its counts and time when done', operationId: 'getDuplicatesRun', ok: DuplicatesJobDto, errors: [400, 404] })
  job(@CurrentActor() actor: Actor, @Param() { jobId }: DuplicatesJobIdParam): Promise<DuplicatesJobDto> {
    return this.duplicates.jobStatus(actor, jobId);
  }

  @Route.get('pairs', { summary: 'Likely duplicate pairs whose two files are in the caller’s scope, best first, the facts side by side (no contact details)', operationId: 'listDuplicatePairs', paged: DuplicatePairDto, errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: PairsQuery): Promise<Page<DuplicatePairDto>> {
    return this.duplicates.list(actor, query);
  }

  @Route.post('pairs/:id/decision', { summary: 'Mark a pair: `same` merges the two files into one (the survivor keeps its case code), `distinct` is never proposed again', operationId: 'decideDuplicatePair', ok: DecisionResultDto, errors: [400, 404, 409] })
  decide(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: DecisionDto): Promise<DecisionResultDto> {
    return this.duplicates.decide(actor, id, dto);
  }
}
