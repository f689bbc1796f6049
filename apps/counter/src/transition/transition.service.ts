import { Injectable } from '@nestjs/common';
import { RpcSubjects, withinJurisdiction, type ApplicationSnapshot, type Identity, type ServiceName, type TransitionApplicationCommand } from '@onewindow/contracts';
import { DomainException, jurisdictionOf, RpcClient } from '@onewindow/platform';
import { serviceOfNumber } from '../common/service-routing.js';
import { TransactionRunner } from '../common/transaction-runner.js';
import { InboxException } from '../inbox/inbox.exception.js';
import { InboxProjectionService } from '../inbox/inbox-projection.service.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import type { TransitionApplicationInput } from './dto/transition-application.input.js';

/**
 * Lifecycle actions from the window or the back office, routed to the owning police service,
 * which enforces who may do what (a clerk cannot approve; an officer decides only their own
 * police type) and answers with typed errors that pass through unchanged. The new snapshot is
 * projected at once (and queues the pickup SMS when it becomes READY_FOR_PICKUP).
 */
@Injectable()
export class TransitionService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly projection: InboxProjectionService,
    private readonly rpc: RpcClient,
    private readonly tx: TransactionRunner,
  ) {}

  async transition(actor: Identity, input: TransitionApplicationInput): Promise<ApplicationSnapshot> {
    const number = input.number.trim().toUpperCase();
    const projected = await this.inbox.findServiceOf(number);
    if (projected && !withinJurisdiction(jurisdictionOf(actor).unitPrefix, projected.unitCode)) throw DomainException.outOfJurisdiction();
    const service = projected?.service ?? serviceOfNumber(number);
    if (!service) throw InboxException.applicationNotFound(number);
    const command: TransitionApplicationCommand = {
      number,
      action: input.action,
      reason: input.reason,
      extensionDays: input.extensionDays,
      deliveryMethod: input.deliveryMethod,
      materialCode: input.materialCode,
      expectedVersion: input.expectedVersion,
    };
    const raw = await this.rpc.request<unknown>(RpcSubjects.applicationTransition(service as ServiceName), command, actor);
    const snapshot = InboxProjectionService.validSnapshot(raw);
    await this.tx.run((m) => this.projection.apply(snapshot, m));
    return snapshot;
  }
}
