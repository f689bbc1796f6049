import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { Complaint, toComplaint } from '../complaint/complaint.model.js';
import { ComplaintTransferService } from './complaint-transfer.service.js';
import { TransferComplaintInput } from './dto/transfer-complaint.input.js';

@Resolver(() => Complaint)
export class ComplaintTransferResolver {
  constructor(private readonly service: ComplaintTransferService) {}

  @Roles(Role.OFFICER)
  @Mutation(() => Complaint, { description: '移交核查：信访民警将信访事项移交所涉警种核查处理（跨警种移交），结果记入办理记录' })
  async transferComplaint(@Args('input') input: TransferComplaintInput, @CurrentIdentity() actor: Identity): Promise<Complaint> {
    return toComplaint(await this.service.send(actor, input), actor);
  }
}
