import { Args, ArgsType, Field, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { maskPhone } from '@onewindow/id-number';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { IsString, Length } from 'class-validator';
import { SmsMessage, SmsStatusEnum } from './sms.model.js';
import { SmsService } from './sms.service.js';

@ArgsType()
export class SmsMessagesArgs {
  @Field({ description: '申请编号' })
  @IsString()
  @Length(4, 40)
  applicationNumber: string;
}

@Resolver(() => SmsMessage)
export class SmsResolver {
  constructor(private readonly sms: SmsService) {}

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Query(() => [SmsMessage], { description: '某申请的短信记录（本辖区，手机号脱敏）' })
  async smsMessages(@Args() args: SmsMessagesArgs, @CurrentIdentity() actor: Identity): Promise<SmsMessage[]> {
    const rows = await this.sms.listForApplication(actor, args.applicationNumber);
    return rows.map((r) => ({
      id: r.id,
      phone: maskPhone(r.phone),
      text: r.text,
      template: r.template,
      applicationNumber: r.applicationNumber ?? undefined,
      status: r.status as SmsStatusEnum,
      attempts: r.attempts,
      lastError: r.lastError ?? undefined,
      providerMessageId: r.providerMessageId ?? undefined,
      createdAt: r.createdAt,
      sentAt: r.sentAt ?? undefined,
    }));
  }
}
