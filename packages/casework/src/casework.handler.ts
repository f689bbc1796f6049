import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptApplicationCommand, GetApplicationRequest, Role, RpcSubjects, TransitionApplicationCommand, type AcceptApplicationReply,
  type ApplicationSnapshot, type Identity, type ServiceName,
} from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { CaseworkService } from './casework.service.js';

/** NATS handlers of one police-type service, on its own subjects (rpc.<service>.v1.application.*). */
export function createCaseworkHandler(service: ServiceName): Type<unknown> {
  @Controller()
  class CaseworkHandler {
    constructor(@Inject(CaseworkService) private readonly casework: CaseworkService) {}

    @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
    @MessagePattern(RpcSubjects.applicationAccept(service))
    accept(@Payload() cmd: AcceptApplicationCommand, @CurrentIdentity() actor: Identity): Promise<AcceptApplicationReply> {
      return this.casework.accept(cmd, actor);
    }

    @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
    @MessagePattern(RpcSubjects.applicationTransition(service))
    transition(@Payload() cmd: TransitionApplicationCommand, @CurrentIdentity() actor: Identity): Promise<ApplicationSnapshot> {
      return this.casework.transition(cmd, actor);
    }

    @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
    @MessagePattern(RpcSubjects.applicationGet(service))
    get(@Payload() req: GetApplicationRequest, @CurrentIdentity() actor: Identity): Promise<ApplicationSnapshot> {
      return this.casework.get(req.number, actor);
    }
  }
  return CaseworkHandler;
}
