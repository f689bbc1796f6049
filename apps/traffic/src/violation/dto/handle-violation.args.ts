import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

const REFERENCE = /^[^\s]+$/u;

@ArgsType()
export class HandleViolationArgs {
  @Field(() => ID, { description: '违法记录 id' })
  @IsUUID()
  id: string;

  @Field({ nullable: true, description: '处罚决定书编号：作出处罚决定（记分记入驾驶证）' })
  @IsOptional()
  @IsString()
  @Length(4, 40)
  @Matches(REFERENCE, { message: '处罚决定书编号不能包含空格' })
  decisionNumber?: string;

  @Field({ nullable: true, description: '缴款凭证号：登记罚款已缴纳（须已作出处罚决定，或同时提供决定书编号）' })
  @IsOptional()
  @IsString()
  @Length(4, 64)
  @Matches(REFERENCE, { message: '缴款凭证号不能包含空格' })
  paymentReference?: string;

  @Field({ nullable: true, description: '接受处理的驾驶人身份证号码（电子监控记录未确定驾驶人时；默认机动车所有人）' })
  @IsOptional()
  @IsString()
  @Length(15, 18)
  driverIdNumber?: string;
}
