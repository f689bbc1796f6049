import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { ApplicationActionEnum, DeliveryMethodEnum } from '../../inbox/application.model.js';

@InputType({ description: '申请办理动作' })
export class TransitionApplicationInput {
  @Field({ description: '申请编号' })
  @IsString()
  @Length(4, 40)
  number: string;

  @Field(() => ApplicationActionEnum)
  @IsEnum(ApplicationActionEnum)
  action: ApplicationActionEnum;

  @Field({ nullable: true, description: '理由（不予批准、补正、延期等须填写）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @Field(() => Int, { nullable: true, description: '延期工作日数（1–60）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  extensionDays?: number;

  @Field(() => DeliveryMethodEnum, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryMethodEnum)
  deliveryMethod?: DeliveryMethodEnum;

  @Field({ nullable: true, description: '补交的容缺材料编码' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  materialCode?: string;

  @Field(() => Int, { nullable: true, description: '调用方看到的版本号（乐观并发）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
