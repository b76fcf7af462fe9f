import { Body, Param, Query } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { CreateTransferRequestDto, RefuseTransferDto, TransferRequestDto, TransferRequestQuery } from './dto/transfer.dto.js';
import { TransfersService } from './transfers.service.js';
import { ApiController } from '../../common/http/controller.js';
import { Route } from '../../common/http/route.js';

@ApiController('transfer-requests', { tag: 'transfers' })
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  // Administrators see every file already: there is nothing they could ask for.
  @Route.post({ roles: ['commune_worker'], summary: 'Ask for the file of a person met in the caller’s commune that another commune holds (by national id); 404 when no open file has it, 409 when it is already in the caller’s area, 429 past the lookup or national-id limits', operationId: 'createTransferRequest', created: TransferRequestDto, errors: [400, 404, 409, 429] })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTransferRequestDto): Promise<TransferRequestDto> {
    return this.transfers.request(actor, dto);
  }

  @Route.get({ roles: ['admin', 'province_officer', 'commune_worker'], summary: 'Transfer requests in scope: officers those they decide, workers those to or from their area; newest first', operationId: 'listTransferRequests', paged: TransferRequestDto, errors: [400] })
  list(@CurrentActor() actor: Actor, @Query() query: TransferRequestQuery): Promise<Page<TransferRequestDto>> {
    return this.transfers.list(actor, query);
  }

  @Route.post(':id/accept', { roles: ['admin', 'province_officer'], summary: 'Accept a pending request: the file moves to the receiving commune (404 outside scope; 409 once decided or when the file closed or moved since)', operationId: 'acceptTransferRequest', ok: TransferRequestDto, errors: [400, 404, 409] })
  accept(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<TransferRequestDto> {
    return this.transfers.accept(actor, id);
  }

  @Route.post(':id/refuse', { roles: ['admin', 'province_officer'], summary: 'Refuse a pending request, with a reason (404 outside scope; 409 once decided)', operationId: 'refuseTransferRequest', ok: TransferRequestDto, errors: [400, 404, 409] })
  refuse(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RefuseTransferDto): Promise<TransferRequestDto> {
    return this.transfers.refuse(actor, id, dto);
  }
}
