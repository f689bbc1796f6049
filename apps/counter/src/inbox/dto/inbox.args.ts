import { ArgsType, Field } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { ApplicationStatusEnum } from '../application.model.js';
import { PageArgs } from '@onewindow/platform';

@ArgsType()
export class InboxArgs extends PageArgs {
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
}

@ArgsType()
export class ApplicationArgs {
  @Field({ description: '申请编号' })
  @IsString()
  @Length(4, 40)
  number: string;
}
