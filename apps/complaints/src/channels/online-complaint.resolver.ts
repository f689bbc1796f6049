import { Args, Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { ClientIp, Public } from '@onewindow/platform';
import { OnlineComplaintInput, RequestComplaintVerificationCodeInput } from './dto/online-complaint.input.js';
import { OnlineComplaintService } from './online-complaint.service.js';

@ObjectType({ description: '验证码已发送' })
export class ComplaintVerificationCodeSent {
  @Field(() => Int, { description: '验证码有效期（秒）' }) expiresInSeconds: number;
}

@ObjectType({ description: '网上投诉回执：只含信访编号' })
export class OnlineComplaintReceipt {
  @Field({ description: '信访编号（凭此查询办理进度）' }) number: string;
}

/**
 * The public online form (网上投诉): deliberately @Public — anyone may complain. Abuse is held
 * off by the SMS code and by rate limits on the number and on the gateway-signed client address;
 * nothing is read back but the tracking number.
 */
@Resolver()
export class OnlineComplaintResolver {
  constructor(private readonly service: OnlineComplaintService) {}

  @Public()
  @Mutation(() => ComplaintVerificationCodeSent, { description: '网上投诉：向手机号码发送 6 位短信验证码（公开，限频）' })
  async requestComplaintVerificationCode(@Args('input') input: RequestComplaintVerificationCodeInput, @ClientIp() clientIp?: string): Promise<ComplaintVerificationCodeSent> {
    return { expiresInSeconds: await this.service.requestCode(input.phone, clientIp) };
  }

  @Public()
  @Mutation(() => OnlineComplaintReceipt, { description: '网上投诉：凭短信验证码提交（公开，限频），返回信访编号' })
  async submitOnlineComplaint(@Args('input') input: OnlineComplaintInput, @ClientIp() clientIp?: string): Promise<OnlineComplaintReceipt> {
    return { number: await this.service.submit(input, clientIp) };
  }
}
