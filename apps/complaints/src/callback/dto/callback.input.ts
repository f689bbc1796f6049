import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { CALLBACK_STATUSES, type CallbackStatus } from '@onewindow/contracts';
import { IsIn, IsOptional, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageArgs, PurposeArgs } from '@onewindow/platform';
import { CallbackOutcomeEnum, CallbackStatusEnum } from '../callback.model.js';
import type { CallbackOutcome } from '../callback.service.js';

@ArgsType()
export class CallbackTasksArgs extends PageArgs {
  @Field(() => CallbackStatusEnum, { nullable: true, description: '按状态筛选' })
  @IsOptional()
  @IsIn(CALLBACK_STATUSES)
  status?: CallbackStatus;
}

@ArgsType()
export class CallbackTaskArgs extends PurposeArgs {
  @Field({ description: '任务编号' })
  @IsUUID('all', { message: '任务编号格式不正确' })
  taskId: string;
}

@InputType({ description: '记录回访情况' })
export class RecordCallbackInput {
  @Field()
  @IsUUID('all', { message: '任务编号格式不正确' })
  taskId: string;

  @Field({ description: '回访情况' })
  @MinLength(2)
  @MaxLength(2000)
  note: string;
}

@InputType({ description: '整改或说明，办结回访核实（短信告知评价人）' })
export class ResolveCallbackInput {
  @Field()
  @IsUUID('all', { message: '任务编号格式不正确' })
  taskId: string;

  @Field(() => CallbackOutcomeEnum, { description: '已整改 / 作出说明' })
  @IsIn(['RECTIFIED', 'EXPLAINED'])
  outcome: CallbackOutcome;

  @Field({ description: '整改情况或说明' })
  @MinLength(2)
  @MaxLength(2000)
  note: string;
}

@InputType({ description: '作废误评或恶意差评（须说明理由，留痕审计）' })
export class VoidEvaluationInput {
  @Field()
  @IsUUID('all', { message: '任务编号格式不正确' })
  taskId: string;

  @Field({ description: '作废理由' })
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}
