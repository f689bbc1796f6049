import { Field, InputType, Int } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsEnum, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { ComplaintNumberInput } from '../../complaint/dto/complaint-actions.input.js';

@InputType({ description: '信访核查移交：请被投诉事项所属警种核查事实并处理' })
export class TransferComplaintInput extends ComplaintNumberInput {
  @Field(() => PoliceType, { description: '移交给的警种' })
  @IsEnum(PoliceType)
  toPoliceType: PoliceType;

  @Field({ description: '请核查的事项' })
  @IsString()
  @Length(1, 500)
  reason: string;

  @Field(() => Int, { description: '要求反馈期限（工作日）' })
  @IsInt()
  @Min(1)
  @Max(30)
  requestedDeadlineDays: number;
}
