import { ArgsType, Field, Int } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ApplicationStatusEnum } from '../application.model.js';

@ArgsType()
export class InboxArgs {
  @Field(() => ApplicationStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatusEnum)
  status?: ApplicationStatusEnum;

  @Field(() => PoliceType, { nullable: true })
  @IsOptional()
  @IsEnum(PoliceType)
  policeType?: PoliceType;

  @Field({ nullable: true, description: '申请编号或申请人身份证号码（精确匹配）' })
  @IsOptional()
  @IsString()
  @Length(4, 40)
  search?: string;

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

@ArgsType()
export class ApplicationArgs {
  @Field({ description: '申请编号' })
  @IsString()
  @Length(4, 40)
  number: string;
}
