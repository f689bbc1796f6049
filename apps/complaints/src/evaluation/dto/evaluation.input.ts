import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { APPLICATION_NUMBER_PATTERN } from '@onewindow/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { EvaluationReasonEnum, WindowRatingEnum } from '../evaluation.model.js';
import { EVALUATION_REASONS, WINDOW_RATINGS, type EvaluationReason, type WindowRating } from '../evaluation.rules.js';

const WINDOW_NO = /^[0-9A-Za-z]{1,8}$/;
const WINDOW_NO_MESSAGE = '窗口号应为 1 至 8 位数字或字母';

@ArgsType()
export class WindowArgs {
  @Field({ description: '窗口号（本单位内，如 3）' })
  @Matches(WINDOW_NO, { message: WINDOW_NO_MESSAGE })
  windowNo: string;
}

@ArgsType()
export class PairingCodeArgs {
  @Field({ description: '窗口电脑上显示的配对码' })
  @IsString()
  @Length(6, 12, { message: '配对码应为 8 位' })
  code: string;
}

@ArgsType()
export class DeviceTokenArgs {
  @Field({ description: '评价屏令牌' })
  @IsString()
  @Length(10, 100)
  deviceToken: string;
}

@InputType({ description: '推送办件到评价屏（受理或出件后）' })
export class PresentVisitInput {
  @Field({ description: '窗口号' })
  @Matches(WINDOW_NO, { message: WINDOW_NO_MESSAGE })
  windowNo: string;

  @Field({ description: '受理编号' })
  @Matches(APPLICATION_NUMBER_PATTERN, { message: '受理编号格式不正确（如 HH20260210000001）' })
  applicationNumber: string;
}

@InputType({ description: '群众在评价屏上确认并评价' })
export class SubmitWindowRatingInput {
  @Field({ description: '评价屏令牌' })
  @IsString()
  @Length(10, 100)
  deviceToken: string;

  @Field({ description: '推送编号' })
  @IsUUID('all', { message: '推送编号格式不正确' })
  visitId: string;

  @Field(() => WindowRatingEnum, { description: '满意 / 基本满意 / 不满意' })
  @IsIn(WINDOW_RATINGS)
  rating: WindowRating;

  @Field(() => [EvaluationReasonEnum], { nullable: true, description: '不满意原因（不满意时必选）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(EVALUATION_REASONS, { each: true })
  reasons?: EvaluationReason[];

  @Field({ nullable: true, description: '意见建议' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}
