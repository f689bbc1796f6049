import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { PermitKindEnum, PermitStatusEnum } from '../permit.model.js';

@ArgsType()
export class PermitArgs {
  @Field({ description: '许可证编号' })
  @IsString()
  @Length(4, 32)
  number: string;
}

@ArgsType()
export class PermitListArgs {
  @Field(() => PermitKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PermitKindEnum)
  kind?: PermitKindEnum;

  @Field(() => PermitStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(PermitStatusEnum)
  status?: PermitStatusEnum;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  offset: number = 0;
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
