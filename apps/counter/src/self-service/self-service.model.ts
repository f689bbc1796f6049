import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: '获取验证码的结果（无论编号是否存在，答复相同）' })
export class ProgressCodeRequest {
  @Field({ description: '提示' }) message: string;
  @Field(() => Int, { description: '验证码有效期（秒）' }) ttlSeconds: number;
}

@ObjectType({ description: '办理进度（不含申请人个人信息）' })
export class ProgressView {
  @Field({ description: '受理编号' }) number: string;
  @Field({ description: '办理事项' }) itemName: string;
  @Field({ description: '状态代码' }) status: string;
  @Field({ description: '状态（中文）' }) statusLabel: string;
  @Field({ description: '承诺办结日期 YYYY-MM-DD' }) deadline: string;
  @Field({ description: '受理日期 YYYY-MM-DD' }) acceptedOn: string;
  @Field({ description: '受理单位' }) unitName: string;
  @Field(() => String, { nullable: true, description: '办理结果（证照）' }) resultName: string | null;
  @Field(() => String, { nullable: true, description: '领取地点' }) pickupPlace: string | null;
  @Field(() => String, { nullable: true, description: '领取地址' }) pickupAddress: string | null;
  @Field(() => String, { nullable: true, description: '领取时间' }) pickupTime: string | null;
  @Field(() => String, { nullable: true, description: '领取说明' }) pickupNotice: string | null;
}
