import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { TransferArgs, TransfersArgs } from './dto/transfers.args.js';
import { AcknowledgeTransferInput, CompleteTransferInput, RequestTransferInput } from './dto/transfer.inputs.js';
import { snapshotToTransfer, toTransfer } from './transfer.mapper.js';
import { Transfer, TransferPage } from './transfer.model.js';
import { TransfersService } from './transfers.service.js';

@Resolver(() => Transfer)
export class TransfersResolver {
  constructor(private readonly service: TransfersService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => TransferPage, { description: '本辖区跨警种移交（移入/移出、按状态；超期未办结在前，当事人信息脱敏）' })
  async transfers(@Args() args: TransfersArgs, @CurrentIdentity() actor: Identity): Promise<TransferPage> {
    const { rows, total, perspective } = await this.service.list(actor, args);
    return { total, limit: args.limit, offset: args.offset, items: rows.map((r) => toTransfer(r, actor, { full: false, perspective })) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Transfer, { description: '查看一件移交及其办理记录（留痕审计）' })
  async transfer(@Args() args: TransferArgs, @CurrentIdentity() actor: Identity): Promise<Transfer> {
    const { row, perspective } = await this.service.read(actor, args.id);
    return toTransfer(row, actor, { full: true, perspective });
  }

  @Roles(Role.CLERK, Role.OFFICER)
  @Mutation(() => Transfer, { description: '发起跨警种移交（由办件所属警种服务校验权限）' })
  async requestTransfer(@Args('input') input: RequestTransferInput, @CurrentIdentity() actor: Identity): Promise<Transfer> {
    return snapshotToTransfer(await this.service.request(actor, input), actor);
  }

  @Roles(Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => Transfer, { description: '签收或退回移交（接收警种民警或督察）' })
  async acknowledgeTransfer(@Args('input') input: AcknowledgeTransferInput, @CurrentIdentity() actor: Identity): Promise<Transfer> {
    return snapshotToTransfer(await this.service.acknowledge(actor, input), actor);
  }

  @Roles(Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => Transfer, { description: '反馈移交办理结果' })
  async completeTransfer(@Args('input') input: CompleteTransferInput, @CurrentIdentity() actor: Identity): Promise<Transfer> {
    return snapshotToTransfer(await this.service.complete(actor, input), actor);
  }
}
