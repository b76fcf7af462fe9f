import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor.js';
import { CurrentActor, Roles } from '../../common/auth/decorators.js';
import { ApiErrors } from '../../common/http/api-docs.js';
import { IdParam } from '../../common/http/id-param.js';
import { CreateTransferRequestDto, RefuseTransferDto, TransferRequestPage, TransferRequestQuery, TransferRequestView } from './dto/transfer.dto.js';
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
    summary: 'Ask for the file of a person met in the caller’s commune that another commune holds (by national id)',
    operationId: 'createTransferRequest',
  })
  @ApiResponse({ status: 201, type: TransferRequestView })
  @ApiErrors(400, 404, 409, 429)
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
  @ApiErrors(400)
  list(@CurrentActor() actor: Actor, @Query() query: TransferRequestQuery): Promise<TransferRequestPage> {
    return this.transfers.list(actor, query);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('admin', 'province_officer')
  @ApiOperation({ summary: 'Accept a pending request: the file moves to the receiving commune', operationId: 'acceptTransferRequest' })
  @ApiResponse({ status: 200, type: TransferRequestView })
  @ApiErrors(400, 404, 409)
  accept(@CurrentActor() actor: Actor, @Param() { id }: IdParam): Promise<TransferRequestView> {
    return this.transfers.accept(actor, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles('admin', 'province_officer')
  @ApiOperation({ summary: 'Refuse a pending request, with a reason', operationId: 'refuseTransferRequest' })
  @ApiResponse({ status: 200, type: TransferRequestView })
  @ApiErrors(400, 404, 409)
  refuse(@CurrentActor() actor: Actor, @Param() { id }: IdParam, @Body() dto: RefuseTransferDto): Promise<TransferRequestView> {
    return this.transfers.refuse(actor, id, dto);
  }
}
