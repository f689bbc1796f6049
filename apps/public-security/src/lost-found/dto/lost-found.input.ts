import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { LocalDateScalar } from '@onewindow/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { MAX_STORAGE_PLACE_LENGTH } from '../lost-found.constants.js';
import { FoundItemCategoryEnum, FoundItemStatusEnum, HandedInByEnum, LostReportStatusEnum, VerificationMethodEnum } from '../lost-found.model.js';
import { PageArgs } from '@onewindow/platform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^[0-9]{15}([0-9]{2}[0-9Xx])?$/;
/** Up to 200 items per hand-in (a sanitation batch); larger loads are split into several batches. */
export const MAX_ITEMS_PER_BATCH = 200;

@InputType({ description: '一件拾得物' })
export class FoundItemInput {
  @Field(() => FoundItemCategoryEnum)
  @IsEnum(FoundItemCategoryEnum)
  category: FoundItemCategoryEnum;

  @Field({ description: '物品特征描述（颜色、品牌、内含物品；证件类勿写完整证件号码）' })
  @IsString()
  @Length(2, 500)
  description: string;

  @Field(() => LocalDateScalar, { description: '拾得日期' })
  @Matches(DATE, { message: 'foundOn 格式应为 YYYY-MM-DD' })
  foundOn: string;

  @Field({ description: '拾得地点' })
  @IsString()
  @Length(2, 200)
  foundPlace: string;

  @Field({ nullable: true, description: '存放位置（柜号）' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  storageSlot?: string;
}

@InputType({ description: '接收登记：环卫部门批量移交或群众送交（一个事务内登记全部物品）' })
export class RegisterFoundItemsInput {
  @Field(() => HandedInByEnum)
  @IsEnum(HandedInByEnum)
  handedInBy: HandedInByEnum;

  @Field({ nullable: true, description: '送交单位或送交人（如：县环卫局清扫一队）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  handedInByName?: string;

  @Field({ nullable: true, description: '移交批次号（环卫部门移交必填；群众送交不填则自动生成接收回执号）' })
  @IsOptional()
  @IsString()
  @Length(2, 64)
  batchReference?: string;

  @Field({ description: `保管及领取地点（短信中告知失主，不超过${MAX_STORAGE_PLACE_LENGTH}字）` })
  @IsString()
  @Length(2, MAX_STORAGE_PLACE_LENGTH)
  storagePlace: string;

  @Field(() => [FoundItemInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS_PER_BATCH)
  @ValidateNested({ each: true })
  @Type(() => FoundItemInput)
  items: FoundItemInput[];
}

@ArgsType()
export class SearchFoundItemsArgs extends PageArgs {
  @Field(() => FoundItemCategoryEnum, { nullable: true })
  @IsOptional()
  @IsEnum(FoundItemCategoryEnum)
  category?: FoundItemCategoryEnum;

  @Field({ nullable: true, description: '物品描述关键字' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '拾得日期起' })
  @IsOptional()
  @Matches(DATE)
  foundFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '拾得日期止' })
  @IsOptional()
  @Matches(DATE)
  foundTo?: string;

  @Field({ nullable: true, description: '拾得地点关键字' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  place?: string;

  @Field(() => [FoundItemStatusEnum], { nullable: true, description: '状态；不填为招领中（保管中、已比对）' })
  @IsOptional()
  @IsArray()
  @IsEnum(FoundItemStatusEnum, { each: true })
  status?: FoundItemStatusEnum[];

  @Field(() => HandedInByEnum, { nullable: true })
  @IsOptional()
  @IsEnum(HandedInByEnum)
  handedInBy?: HandedInByEnum;

  @Field({ nullable: true, description: '移交批次号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  batchReference?: string;
}

@ArgsType()
export class FoundItemArgs {
  @Field({ description: '拾得物编号' })
  @IsString()
  @Length(4, 20)
  number: string;

  @Field({ description: '查询事由（查看认领人、失主信息时留痕审计）' })
  @IsString()
  @MinLength(2, { message: '请填写查询事由' })
  @MaxLength(200)
  purpose: string;
}

@InputType({ description: '失物登记（群众报失）' })
export class FileLostReportInput {
  @Field(() => FoundItemCategoryEnum)
  @IsEnum(FoundItemCategoryEnum)
  category: FoundItemCategoryEnum;

  @Field({ description: '遗失物特征描述' })
  @IsString()
  @Length(2, 500)
  description: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '遗失日期' })
  @IsOptional()
  @Matches(DATE)
  lostOn?: string;

  @Field({ nullable: true, description: '遗失地点' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lostPlace?: string;

  @Field({ description: '失主手机号（找到后短信通知）' })
  @Matches(MOBILE, { message: '手机号应为11位大陆手机号码' })
  phone: string;

  @Field({ nullable: true, description: '失主身份证号码（填写的，认领时须本人认领）' })
  @IsOptional()
  @Matches(ID_NUMBER, { message: '身份证号码格式不正确' })
  reporterIdNumber?: string;

  @Field({ nullable: true, description: '失主姓名' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  reporterName?: string;
}

@ArgsType()
export class SearchLostReportsArgs extends PageArgs {
  @Field(() => FoundItemCategoryEnum, { nullable: true })
  @IsOptional()
  @IsEnum(FoundItemCategoryEnum)
  category?: FoundItemCategoryEnum;

  @Field({ nullable: true, description: '描述或遗失地点关键字' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  keyword?: string;

  @Field(() => LostReportStatusEnum, { nullable: true, defaultValue: LostReportStatusEnum.OPEN })
  @IsOptional()
  @IsEnum(LostReportStatusEnum)
  status?: LostReportStatusEnum;
}

@ArgsType()
export class LostReportArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: '查询事由（留痕审计）' })
  @IsString()
  @MinLength(2, { message: '请填写查询事由' })
  @MaxLength(200)
  purpose: string;
}

@ArgsType()
export class ConfirmMatchArgs {
  @Field({ description: '拾得物编号' })
  @IsString()
  @Length(4, 20)
  foundItemNumber: string;

  @Field(() => ID, { description: '失物登记 ID' })
  @IsUUID()
  lostReportId: string;
}

@InputType({ description: '认领（窗口核验认领人身份后返还）' })
export class ClaimFoundItemInput {
  @Field({ description: '拾得物编号' })
  @IsString()
  @Length(4, 20)
  foundItemNumber: string;

  @Field({ description: '认领人身份证号码' })
  @Matches(ID_NUMBER, { message: '身份证号码格式不正确' })
  claimantIdNumber: string;

  @Field({ description: '认领人手机号' })
  @Matches(MOBILE, { message: '手机号应为11位大陆手机号码' })
  claimantPhone: string;

  @Field({ description: '认领人对物品特征的描述（与登记核对）' })
  @IsString()
  @Length(2, 500)
  descriptionGiven: string;

  @Field({ description: '窗口民警已核验认领人身份证件或人脸' })
  @IsBoolean()
  identityVerified: boolean;

  @Field(() => VerificationMethodEnum, { defaultValue: VerificationMethodEnum.ID_CARD })
  @IsEnum(VerificationMethodEnum)
  verificationMethod: VerificationMethodEnum = VerificationMethodEnum.ID_CARD;
}
