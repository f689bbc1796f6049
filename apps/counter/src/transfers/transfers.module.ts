import { Module } from '@nestjs/common';
import { CreateTransferView1764100000450 } from './migrations/1764100000450-CreateTransferView.js';
import { TransferProjectionHandler } from './transfer-projection.handler.js';
import { TransferProjectionService } from './transfer-projection.service.js';
import { TransferViewEntity } from './transfer-view.entity.js';
import { TransferViewRepository } from './transfer-view.repository.js';
import { TransfersResolver } from './transfers.resolver.js';
import { TransfersService } from './transfers.service.js';

export const TRANSFER_VIEW_ENTITIES = [TransferViewEntity];
export const TRANSFER_VIEW_MIGRATIONS = [CreateTransferView1764100000450];

/** Cross-police-type transfers at the counter: projection of every police type's transfer events, queries, commands. */
@Module({
  providers: [TransferViewRepository, TransferProjectionService, TransferProjectionHandler, TransfersService, TransfersResolver],
})
export class TransfersModule {}
