import { ArgsType, Field } from '@nestjs/graphql';
import {
  COMPLAINT_CHANNELS, COMPLAINT_DEADLINE_STATES, COMPLAINT_KINDS, COMPLAINT_STATUSES,
  type ComplaintChannel, type ComplaintDeadlineState, type ComplaintKind, type ComplaintStatus,
} from '@onewindow/contracts';
import { PageArgs, PurposeArgs } from '@onewindow/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ComplaintChannelEnum, ComplaintDeadlineStateEnum, ComplaintKindEnum, ComplaintStatusEnum } from '../complaint.model.js';
import { COMPLAINT_NUMBER_PATTERN } from './complaint-actions.input.js';

/** The workbench filters. */
@ArgsType()
export class ComplaintsArgs extends PageArgs {
  @Field(() => ComplaintStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @Field(() => ComplaintDeadlineStateEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMPLAINT_DEADLINE_STATES)
  deadlineState?: ComplaintDeadlineState;

  @Field(() => ComplaintChannelEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMPLAINT_CHANNELS)
  channel?: ComplaintChannel;

  @Field(() => ComplaintKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(COMPLAINT_KINDS)
  kind?: ComplaintKind;
}

/** One complaint, with the purpose of the read (audited). */
@ArgsType()
export class ComplaintArgs extends PurposeArgs {
  @Field({ description: '信访编号' })
  @Matches(COMPLAINT_NUMBER_PATTERN, { message: '信访编号格式不正确（XF 加 14 位数字）' })
  number: string;
}
