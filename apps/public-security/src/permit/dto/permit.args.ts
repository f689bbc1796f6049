import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PermitKindEnum, PermitStatusEnum } from '../permit.model.js';
import { PageArgs } from '@onewindow/platform';

@ArgsType()
export class PermitArgs {
  @Field({ description: '许可证编号' })
  @IsString()
  @Length(4, 32)
  number: string;
}

@ArgsType()
export class PermitListArgs extends PageArgs {
  @Field(() => PermitKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PermitKindEnum)
  kind?: PermitKindEnum;

  @Field(() => PermitStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PermitStatusEnum)
  status?: PermitStatusEnum;
}

@InputType({ description: '治安民警变更许可证状态（暂扣、注销、转入核查、恢复有效）' })
export class ChangePermitStatusInput {
  @Field({ description: '许可证编号' })
  @IsString()
  @Length(4, 32)
  number: string;

  @Field(() => PermitStatusEnum)
  @IsEnum(PermitStatusEnum)
  status: PermitStatusEnum;

  @Field({ nullable: true, description: '理由（暂扣、注销、核查时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
