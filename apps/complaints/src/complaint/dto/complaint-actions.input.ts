import { Field, InputType } from '@nestjs/graphql';
import { COMPLAINT_FINDINGS, type ComplaintFinding } from '@onewindow/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ANSWER_CHANNELS, ComplaintAnswerChannelEnum, ComplaintFindingEnum } from '../complaint.model.js';

export const COMPLAINT_NUMBER_PATTERN = /^XF\d{14}$/i;

/** Every complaint action names the complaint. */
@InputType({ isAbstract: true })
export abstract class ComplaintNumberInput {
  @Field({ description: '信访编号' })
  @Matches(COMPLAINT_NUMBER_PATTERN, { message: '信访编号格式不正确（XF 加 14 位数字）' })
  number: string;
}

/** 核查结论 and the responsible officer, given at the answer or at the close. */
@InputType({ isAbstract: true })
abstract class ComplaintFindingInput extends ComplaintNumberInput {
  @Field(() => ComplaintFindingEnum, { nullable: true, description: '核查结论（属实 / 部分属实 / 不属实；咨询、建议、表扬为不涉及）' })
  @IsOptional()
  @IsIn(COMPLAINT_FINDINGS)
  finding?: ComplaintFinding;

  @Field({ nullable: true, description: '经核查的责任民警账号（不填则确认登记时指名的民警；填写即更正）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  responsibleOfficerUsername?: string;

  @Field({ nullable: true, description: '经核查的责任民警姓名（更正责任民警时填写）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  responsibleOfficerName?: string;
}

@InputType({ description: '受理或不予受理' })
export class AcceptComplaintInput extends ComplaintNumberInput {
  @Field({ description: '是否受理（否：不予受理，须填理由）' })
  @IsBoolean()
  accept: boolean;

  @Field({ nullable: true, description: '理由（不予受理时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

@InputType({ description: '答复投诉人' })
export class AnswerComplaintInput extends ComplaintFindingInput {
  @Field({ description: '答复内容' })
  @IsString()
  @MaxLength(4000)
  text: string;

  @Field(() => ComplaintAnswerChannelEnum, { description: '答复方式' })
  @IsIn(ANSWER_CHANNELS)
  answerChannel: string;

  @Field({ nullable: true, description: '答复日期（默认今天）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '答复日期格式应为 YYYY-MM-DD' })
  answeredOn?: string;
}

@InputType({ description: '带理由的信访操作（申请延期、重新办理）' })
export class ComplaintReasonInput extends ComplaintNumberInput {
  @Field({ description: '理由' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}

@InputType({ description: '批准延期（须告知投诉人）' })
export class ApproveComplaintExtensionInput extends ComplaintNumberInput {
  @Field({ description: '向投诉人告知延期的内容（延期理由与新的办结期限）' })
  @IsString()
  @MaxLength(1000)
  notice: string;
}

@InputType({ description: '办结（办结已答复的投诉须有核查结论：本次填写，或答复时已填）' })
export class CloseComplaintInput extends ComplaintFindingInput {
  @Field({ nullable: true, description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
