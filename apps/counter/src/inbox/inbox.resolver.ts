import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { toApplication, toInboxApplication } from './application.mapper.js';
import { Application, InboxPage } from './application.model.js';
import { ApplicationArgs, InboxArgs } from './dto/inbox.args.js';
import { InboxService } from './inbox.service.js';

@Resolver(() => Application)
export class InboxResolver {
  constructor(private readonly applications: InboxService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => InboxPage, { description: '统一待办（本辖区各警种申请，超期优先，申请人信息脱敏）' })
  async inbox(@Args() args: InboxArgs, @CurrentIdentity() actor: Identity): Promise<InboxPage> {
    const { rows, total, today } = await this.applications.list(actor, args);
    return { total, limit: args.limit, offset: args.offset, items: rows.map((r) => toInboxApplication(r, today)) };
  }

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => Application, { description: '查看申请及完整办理记录（留痕审计）' })
  async application(@Args() args: ApplicationArgs, @CurrentIdentity() actor: Identity): Promise<Application> {
    const { snapshot, today } = await this.applications.read(actor, args.number);
    return toApplication(snapshot, actor, today);
  }

  @ResolveField(() => String, { description: '受理回执 PDF（Base64，申请人信息脱敏）' })
  async receiptPdfBase64(@Parent() application: Application): Promise<string> {
    return (await this.applications.receiptPdf(application.snapshot)).toString('base64');
  }
}
