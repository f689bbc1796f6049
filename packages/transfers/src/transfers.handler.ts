import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcknowledgeTransferCommand, CompleteTransferCommand, RequestTransferCommand, Role, TransferRpcSubjects, type Identity, type ServiceName,
  type TransferSnapshot,
} from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { TransfersService } from './transfers.service.js';

/** NATS handlers of one service's transfers, on its own subjects (rpc.<service>.v1.transfer.*). */
export function createTransfersHandler(service: ServiceName): Type<unknown> {
  @Controller()
  class TransfersHandler {
    constructor(@Inject(TransfersService) private readonly transfers: TransfersService) {}

    @Roles(Role.CLERK, Role.OFFICER)
    @MessagePattern(TransferRpcSubjects.request(service))
    request(@Payload() cmd: RequestTransferCommand, @CurrentIdentity() actor: Identity): Promise<TransferSnapshot> {
      return this.transfers.request(cmd, actor);
    }

    @Roles(Role.OFFICER, Role.SUPERVISOR)
    @MessagePattern(TransferRpcSubjects.acknowledge(service))
    acknowledge(@Payload() cmd: AcknowledgeTransferCommand, @CurrentIdentity() actor: Identity): Promise<TransferSnapshot> {
      return this.transfers.acknowledge(cmd, actor);
    }

    @Roles(Role.OFFICER, Role.SUPERVISOR)
    @MessagePattern(TransferRpcSubjects.complete(service))
    complete(@Payload() cmd: CompleteTransferCommand, @CurrentIdentity() actor: Identity): Promise<TransferSnapshot> {
      return this.transfers.complete(cmd, actor);
    }
  }
  return TransfersHandler;
}
