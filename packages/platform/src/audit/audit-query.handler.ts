import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AuditQueryRequest, Role, RpcSubjects, type AuditQueryReply, type Identity, type ServiceName } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '../auth/decorators.js';
import { AuditQueryService } from './audit-query.service.js';

/**
 * `rpc.<service>.v1.audit.query` for one service: every service gets it from the platform kit.
 * Signed identity (the global guard), SUPERVISOR or ADMIN, jurisdiction inside AuditQueryService.
 */
export function createAuditQueryHandler(service: string): Type<unknown> {
  @Controller()
  class AuditQueryHandler {
    constructor(readonly audit: AuditQueryService) {}

    @Roles(Role.SUPERVISOR, Role.ADMIN)
    @MessagePattern(RpcSubjects.auditQuery(service as ServiceName))
    query(@Payload() req: AuditQueryRequest, @CurrentIdentity() actor: Identity): Promise<AuditQueryReply> {
      return this.audit.query(actor, req);
    }
  }
  return AuditQueryHandler;
}
