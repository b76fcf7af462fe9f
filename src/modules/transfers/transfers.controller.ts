import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateTransferRequestDto, RefuseTransferDto, TransferRequestPage, TransferRequestQuery, TransferRequestView } from './dto/transfer.dto.js';
import { TransfersService } from './transfers.service.js';

@ApiTags('transfers')
@ApiBearerAuth()
@ApiResponse({ status: 400, description: 'invalid input; the message names the field' })
@ApiResponse({ status: 401, description: 'no valid access token' })
@ApiResponse({ status: 403, description: 'the role may not use this route' })
@Controller('transfer-requests')
export class TransfersController {
  constructor(private readonly transfers: TransfersService) {}

  @Post()
  // Administrators see every file already: there is nothing they could ask for.
  @Roles('commune_worker')
  @ApiOperation({
    summary: 'Ask for the file of a person met in the caller’s commune that another commune holds (by national id)',
    operationId: 'createTransferRequest',
  })
  @ApiResponse({ status: 201, type: TransferRequestView })
  @ApiResponse({ status: 404, description: 'no open file has this national id' })
  @ApiResponse({ status: 409, description: 'the file is already in the caller’s area' })
  @ApiResponse({ status: 429, description: 'too many lookups, or the daily limit of national ids found elsewhere is reached' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTransferRequestDto): Promise<TransferRequestView> {
    return this.transfers.request(actor, dto);
  }

  @Get()
  @Roles('admin', 'province_officer', 'commune_worker')
  @ApiOperation({
    summary: 'Transfer requests in scope: officers those they decide, workers those to or from their area; newest first',
    operationId: 'listTransferRequests',
  })
  @ApiResponse({ status: 200, type: TransferRequestPage })
  list(@CurrentActor() actor: Actor, @Query() query: TransferRequestQuery): Promise<TransferRequestPage> {
    return this.transfers.list(actor, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('admin', 'province_officer')
  @ApiOperation({ summary: 'Accept a pending request: the file moves to the receiving commune', operationId: 'acceptTransferRequest' })
  @ApiResponse({ status: 200, type: TransferRequestView })
  @ApiResponse({ status: 404, description: 'no such request in the caller’s scope' })
  @ApiResponse({ status: 409, description: 'already decided, or the file closed or moved since' })
  accept(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<TransferRequestView> {
    return this.transfers.accept(actor, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles('admin', 'province_officer')
  @ApiOperation({ summary: 'Refuse a pending request, with a reason', operationId: 'refuseTransferRequest' })
  @ApiResponse({ status: 200, type: TransferRequestView })
  @ApiResponse({ status: 404, description: 'no such request in the caller’s scope' })
  @ApiResponse({ status: 409, description: 'already decided' })
  refuse(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RefuseTransferDto): Promise<TransferRequestView> {
    return this.transfers.refuse(actor, id, dto);
  }
}
