import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { AuditService, CurrentIdentity, RequestPurpose, Roles } from '@onewindow/platform';
import { ChangePermitStatusInput, PermitArgs, PermitListArgs } from './dto/permit.args.js';
import { toPermit } from './permit.mapper.js';
import { PublicSecurityPermit, PublicSecurityPermitPage } from './permit.model.js';
import { PermitService } from './permit.service.js';

@Resolver(() => PublicSecurityPermit)
export class PermitResolver {
  constructor(private readonly permits: PermitService, private readonly audit: AuditService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => PublicSecurityPermit, { description: '按编号查询治安许可证（全市；个人证件的持证人信息按角色脱敏，完整读取留痕审计）' })
  async publicSecurityPermit(@Args() args: PermitArgs, @CurrentIdentity() actor: Identity, @RequestPurpose() purpose: string | undefined): Promise<PublicSecurityPermit> {
    const { permit, history } = await this.permits.get(actor, args.number);
    // Every read of a person's permit is audited, with the purpose the request states (header).
    if (permit.holderKind === 'PERSON') {
      await this.audit.record(actor, { action: 'PERMIT_READ', subjectType: 'PERSON', subjectRef: permit.holderIdNumber ?? permit.number, purpose: purpose ?? null, details: { permit: permit.number, purposeSource: purpose ? 'header' : 'none' } });
    }
    return toPermit(permit, actor, history);
  }

  @Roles(Role.OFFICER, Role.SUPERVISOR)
  @Query(() => PublicSecurityPermitPage, { description: '本辖区治安许可证登记簿（治安民警、督察；身份证号码一律脱敏）' })
  async publicSecurityPermits(@Args() args: PermitListArgs, @CurrentIdentity() actor: Identity): Promise<PublicSecurityPermitPage> {
    const { items, total } = await this.permits.list(actor, { kind: args.kind, status: args.status }, { limit: args.limit, offset: args.offset });
    return { total, items: items.map((p) => toPermit(p, actor, [], { list: true })) };
  }

  @Roles(Role.OFFICER)
  @Mutation(() => PublicSecurityPermit, { description: '变更许可证状态（本辖区治安民警；注销为终局）' })
  async changePermitStatus(@Args('input') input: ChangePermitStatusInput, @CurrentIdentity() actor: Identity): Promise<PublicSecurityPermit> {
    const { permit, history } = await this.permits.changeStatus(actor, input.number, input.status, input.reason);
    return toPermit(permit, actor, history);
  }
}
