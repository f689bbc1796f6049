import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SmsStatusEnum {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(SmsStatusEnum, { name: 'SmsStatus', description: '短信状态：待发送 / 已发送 / 发送失败' });

@ObjectType({ description: '发给群众的短信（手机号脱敏）' })
export class SmsMessage {
  @Field(() => ID) id: string;
  @Field({ description: '手机号（脱敏）' }) phone: string;
  @Field({ description: '短信内容' }) text: string;
  @Field({ description: '模板编码' }) template: string;
  @Field({ nullable: true }) applicationNumber?: string;
  @Field(() => SmsStatusEnum) status: SmsStatusEnum;
  @Field(() => Int, { description: '已尝试次数' }) attempts: number;
  @Field({ nullable: true, description: '最近一次失败原因' }) lastError?: string;
  @Field({ nullable: true, description: '短信平台流水号' }) providerMessageId?: string;
  @Field() createdAt: Date;
  @Field({ nullable: true }) sentAt?: Date;
}
