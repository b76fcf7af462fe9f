import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors, ApiPagedResponse } from '../../common/http/api-docs.js';
import { IdParam } from '../../common/http/id-param.js';
import type { Page } from '../../common/http/paging.js';
import { CreateTransferRequestDto, RefuseTransferDto, TransferRequestDto, TransferRequestQuery } from './dto/transfer.dto.js';
import { TransfersService } from './transfers.service.js';

@ApiTags('transfers')
@ApiBearerAuth()
@Controller('transfer-requests')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Post()
  // Administrators see every file already: there is nothing they could ask for.
  @Roles('commune_worker')
  @ApiOperation({
    summary:
      'Ask for the file of a person met in the caller’s commune that another commune holds (by national id); 404 when no open file has it, 409 when it is already in the caller’s area, 429 past the lookup or national-id limits',
    operationId: 'createTransferRequest',
  })
  @ApiCreatedResponse({ type: TransferRequestDto })
  @ApiErrors(400, 404, 409, 429)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTransferRequestDto): Promise<TransferRequestDto> {
    return this.transfers.request(actor, dto);
  }

  @Get()
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: 'Transfer requests in scope: officers those they decide, workers those to or from their area; newest first',
    operationId: 'listTransferRequests',
  })
  @ApiPagedResponse(TransferRequestDto)
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: TransferRequestQuery): Promise<Page<TransferRequestDto>> {
    return this.transfers.list(actor, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('admin', 'province_officer')
  @ApiOperation({
    summary: 'Accept a pending request: the file moves to the receiving commune (404 outside scope; 409 once decided or when the file closed or moved since)',
    operationId: 'acceptTransferRequest',
  })
  @ApiOkResponse({ type: TransferRequestDto })
  @ApiErrors(400, 404, 409)
  accept(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<TransferRequestDto> {
    return this.transfers.accept(actor, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles('admin', 'province_officer')
  @ApiOperation({ summary: 'Refuse a pending request, with a reason (404 outside scope; 409 once decided)', operationId: 'refuseTransferRequest' })
  @ApiOkResponse({ type: TransferRequestDto })
  @ApiErrors(400, 404, 409)
  refuse(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RefuseTransferDto): Promise<TransferRequestDto> {
    return this.transfers.refuse(actor, id, dto);
  }
}
