import { Args, ArgsType, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { IsString, Length } from 'class-validator';
import { toOneTimeNotice } from './one-time-notice.mapper.js';
import { OneTimeNotice } from './one-time-notice.model.js';
import { OneTimeNoticeService } from './one-time-notice.service.js';

@ArgsType()
export class OneTimeNoticeArgs {
  @Field({ description: '告知单编号' })
  @IsString()
  @Length(4, 40)
  number: string;
}

@Resolver(() => OneTimeNotice)
export class OneTimeNoticeResolver {
  constructor(private readonly notices: OneTimeNoticeService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => OneTimeNotice, { description: '查看一次性告知单（本辖区，留痕审计）' })
  async oneTimeNotice(@Args() args: OneTimeNoticeArgs, @CurrentIdentity() actor: Identity): Promise<OneTimeNotice> {
    return toOneTimeNotice(await this.notices.read(actor, args.number));
  }

  @ResolveField(() => String, { description: '一次性告知单 PDF（Base64，申请人信息脱敏）' })
  async pdfBase64(@Parent() notice: OneTimeNotice): Promise<string> {
    return (await this.notices.pdf(notice.notice)).toString('base64');
  }
}
