import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TransferKindEnum } from '../transfer.model.js';

@InputType({ description: '移交附件（引用）' })
export class TransferAttachmentInput {
  @Field() @IsString() @Length(1, 200) name: string;
  @Field() @IsString() @Length(1, 500) ref: string;
}

@InputType({ description: '发起跨警种移交（由办件所属警种发起）' })
export class RequestTransferInput {
  @Field({ description: '本警种办件编号（HH/EE/TR/PS/CP 开头）' }) @IsString() @Length(1, 40) caseRef: string;
  @Field(() => PoliceType, { description: '接收警种' }) @IsEnum(PoliceType) toPoliceType: PoliceType;
  @Field(() => TransferKindEnum, { defaultValue: TransferKindEnum.CASE, description: '案件或其中的事项' })
  @IsIn([TransferKindEnum.CASE, TransferKindEnum.TASK])
  kind: TransferKindEnum.CASE | TransferKindEnum.TASK = TransferKindEnum.CASE;
  @Field({ description: '移交理由' }) @IsString() @Length(2, 1000) reason: string;
  @Field(() => [TransferAttachmentInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TransferAttachmentInput)
  attachments: TransferAttachmentInput[] = [];
  @Field(() => Int, { description: '要求办结期限（工作日，1–60）' }) @IsInt() @Min(1) @Max(60) requestedDeadlineDays: number;
}

@InputType({ description: '签收或退回移交（接收警种民警或督察）' })
export class AcknowledgeTransferInput {
  @Field(() => ID) @IsUUID() transferId: string;
  @Field({ defaultValue: true, description: 'true 签收；false 退回（须填写理由）' }) @IsBoolean() accept: boolean = true;
  @Field({ nullable: true, description: '退回理由' }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

@InputType({ description: '反馈移交办理结果' })
export class CompleteTransferInput {
  @Field(() => ID) @IsUUID() transferId: string;
  @Field({ description: '办理结果' }) @IsString() @Length(1, 2000) result: string;
}
