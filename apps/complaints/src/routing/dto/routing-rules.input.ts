import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { COMPLAINT_KINDS, PoliceType, type ComplaintKind } from '@onewindow/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { ComplaintKindEnum } from '../../complaint/complaint.model.js';
import { RoutingTargetEnum } from '../routing.model.js';
import { ROUTING_TARGETS, type RoutingTarget } from '../routing.rules.js';

@InputType({ description: '一条信访分派规则' })
export class ComplaintRoutingRuleInput {
  @Field({ description: '规则说明' })
  @IsString()
  @Length(1, 100)
  label: string;

  @Field(() => ComplaintKindEnum, { nullable: true, description: '投诉类别（空为任意）' })
  @IsOptional()
  @IsIn(COMPLAINT_KINDS)
  kind?: ComplaintKind;

  @Field(() => PoliceType, { nullable: true, description: '被投诉警种（空为任意）' })
  @IsOptional()
  @IsEnum(PoliceType)
  policeType?: PoliceType;

  @Field({ nullable: true, description: '被投诉单位代码前缀（空为任意）' })
  @IsOptional()
  @Matches(/^\d{4,12}$/, { message: '单位代码前缀应为 4 至 12 位数字' })
  unitPrefix?: string;

  @Field(() => RoutingTargetEnum, { description: '承办单位' })
  @IsIn(ROUTING_TARGETS)
  target: RoutingTarget;

  @Field({ nullable: true, description: '指定承办单位代码（target = UNIT 时）' })
  @IsOptional()
  @Matches(/^\d{4,12}$/, { message: '承办单位代码应为 4 至 12 位数字' })
  targetUnitCode?: string;
}

@InputType({ description: '发布新一版信访分派规则（整表替换，按顺序）' })
export class ReplaceComplaintRoutingRulesInput {
  @Field(() => [ComplaintRoutingRuleInput], { description: '规则（按顺序，最后一条须不设条件）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ComplaintRoutingRuleInput)
  rules: ComplaintRoutingRuleInput[];

  @Field({ description: '修改说明' })
  @IsString()
  @Length(1, 200)
  note: string;
}

@ArgsType()
export class ComplaintRoutingRulesArgs {
  @Field(() => Int, { nullable: true, description: '版本号（默认当前版本）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
