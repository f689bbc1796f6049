import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageArgs, PurposeArgs } from '@onewindow/platform';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FindingStatusEnum, SupervisionFinding } from './supervision.model.js';

@ArgsType()
export class InspectionTemplatesArgs {
  @Field({ defaultValue: false, description: 'true：含全部历史版本' }) @IsBoolean() allVersions: boolean = false;
}

@ArgsType()
export class InspectionsArgs extends PageArgs {
  @Field({ nullable: true, description: '被检查单位（须在辖区内）' }) @IsOptional() @Matches(/^\d{4,12}$/) unitCode?: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class FindingsArgs extends PageArgs {
  @Field({ nullable: true, description: '单位代码（须在辖区内）' }) @IsOptional() @Matches(/^\d{4,12}$/) unitCode?: string;
  @Field(() => FindingStatusEnum, { nullable: true }) @IsOptional() @IsEnum(FindingStatusEnum) status?: FindingStatusEnum;
  @Field({ defaultValue: false, description: '只看已超期' }) @IsBoolean() overdueOnly: boolean = false;
}

@ObjectType({ description: '整改问题列表（超期在前）' })
export class SupervisionFindingPage {
  @Field(() => Int) total: number;
  @Field(() => [SupervisionFinding]) items: SupervisionFinding[];
}

@ArgsType()
export class DrawCasePartyArgs extends PurposeArgs {
  @Field(() => ID) @IsUUID() drawId: string;
  @Field() @IsString() @Length(1, 40) caseNumber: string;
  @Field({ defaultValue: false, description: 'true：查看完整信息（仅督察，留痕审计）' }) @IsBoolean() full: boolean = false;
}

@ArgsType()
export class PublishedArgs {
  @Field(() => Int, { defaultValue: 20 }) @IsInt() @Min(1) @Max(100) limit: number = 20;
}
