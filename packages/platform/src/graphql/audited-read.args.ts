import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

/**
 * Every read of a citizen's personal data states why (查询事由); the purpose goes into the audit
 * log with who, when and the unit. Extend it in the args of any such query.
 */
@ArgsType()
export class PurposeArgs {
  @Field({ description: '查询事由（审计留痕）' })
  @IsString()
  @MinLength(2, { message: '请填写查询事由' })
  @MaxLength(200)
  purpose: string;
}

/** One citizen by ID number, with the stated purpose (the 360° view and its sections). */
@ArgsType()
export class CitizenLookupArgs extends PurposeArgs {
  @Field({ description: '身份证号码（15 或 18 位）' })
  @IsString()
  @Length(15, 18, { message: '身份证号码应为 15 或 18 位' })
  idNumber: string;
}
