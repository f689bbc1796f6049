import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class PersonLookupArgs {
  @Field({ description: '身份证号码（15 或 18 位）' })
  @IsString()
  @Length(15, 18, { message: '身份证号码应为 15 或 18 位' })
  idNumber: string;

  @Field({ description: '查询事由（审计留痕）' })
  @IsString()
  @MinLength(2, { message: '请填写查询事由' })
  @MaxLength(200)
  purpose: string;
}
