import { Global, Module } from '@nestjs/common';
import { NationalIdConflicts } from './national-id-conflicts.js';
import { TransferRequests } from './transfer-requests.js';
import { TransfersController } from './transfers.controller.js';
import { TransfersRepository } from './transfers.repository.js';
import { TransfersService } from './transfers.service.js';

/** Global: persons and imports record national-id conflicts, which raise transfer requests. */
@Global()
@Module({ controllers: [TransfersController], providers: [TransfersRepository, TransferRequests, TransfersService, NationalIdConflicts], exports: [NationalIdConflicts] })
export class TransfersModule {}
