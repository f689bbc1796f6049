import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class DeductionYearArgs {
  @Field(() => Int, { description: '年度' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

@InputType({ description: '撤销扣分（督察，须说明理由）' })
export class ReverseDeductionInput {
  @Field({ description: '扣分记录编号' })
  @IsUUID()
  deductionId: string;

  @Field({ description: '撤销理由' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}
