import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

@InputType({ description: '容缺受理的材料（申请人书面承诺后补交）' })
export class ToleratedMaterialCommitmentInput {
  @Field({ description: '材料编码' })
  @IsString()
  @Length(1, 64)
  code: string;

  @Field({ description: '书面承诺内容' })
  @IsString()
  @Length(2, 500)
  commitment: string;

  @Field({ description: '承诺补交期限 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate 格式应为 YYYY-MM-DD' })
  dueDate: string;
}

@InputType({ description: '窗口受理申请' })
export class AcceptApplicationInput {
  @Field({ description: '幂等键（同一次受理重复提交时返回同一结果），8–100 个字符' })
  @IsString()
  @Length(8, 100)
  idempotencyKey: string;

  @Field({ description: '事项编码' })
  @IsString()
  @Length(2, 64)
  itemCode: string;

  @Field({ description: '申请人身份证号码' })
  @Matches(/^[0-9]{15}([0-9]{2}[0-9Xx])?$/, { message: '申请人身份证号码格式不正确' })
  applicantIdNumber: string;

  @Field(() => [String], { description: '已提交的材料编码' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  presentedMaterials: string[];

  @Field(() => [ToleratedMaterialCommitmentInput], { nullable: true, description: '容缺受理的材料' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ToleratedMaterialCommitmentInput)
  toleratedMaterials?: ToleratedMaterialCommitmentInput[];

  @Field(() => GraphQLJSONObject, { description: '事项表单（字段见 CatalogItem.formFields）' })
  @IsObject()
  form: Record<string, unknown>;

  @Field(() => [String], { nullable: true, description: '申请的收费减免情形编码' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  claimedWaivers?: string[];

  @Field({ nullable: true, description: '补齐材料后再次办理时，对应的一次性告知单编号' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  fromNoticeNumber?: string;
}
